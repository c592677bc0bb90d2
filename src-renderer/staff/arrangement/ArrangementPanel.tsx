// 编排 (R10) for admins: gives paid enrolments their ticket number, room and seat, for one campus or all; the run is audited on the server.
import { Alert, Button, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { runArrangement } from '../../../shared/contracts/http/tickets.js';
import { campusesOf, useStaffSession } from '../../stores/staff-session.js';
import { codeName } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';

type Outcome = ResponseOf<typeof runArrangement>;

/** The contract's default room size; the admin may change it per run. */
const DEFAULT_SEATS_PER_ROOM = 30;
const ALL = 'all';

export function ArrangementPanel() {
  const { t } = useTranslation();
  const schools = useStaffSession((state) => state.schools);
  const [scope, setScope] = useState<string>(ALL);
  const [seatsPerRoom, setSeatsPerRoom] = useState<number | null>(DEFAULT_SEATS_PER_ROOM);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();

  const run = async () => {
    if (seatsPerRoom === null) return;
    refusal.clear();
    setOutcome(null);
    setBusy(true);
    const result = await staffCall('runArrangement', { ...(scope === ALL ? {} : { campusCode: scope }), seatsPerRoom });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    setOutcome(result.value);
  };

  return (
    <Section title={t('staff.arrangement.title')}>
      <Typography.Paragraph style={{ maxWidth: 760 }}>{t('staff.arrangement.lead')}</Typography.Paragraph>
      <Space wrap align="center">
        <label htmlFor="arrangement-scope">{t('staff.arrangement.scope')}</label>
        <Select
          id="arrangement-scope"
          aria-label={t('staff.arrangement.scope')}
          value={scope}
          onChange={setScope}
          style={{ minWidth: 280 }}
          options={[{ value: ALL, label: t('staff.arrangement.allCampuses') }, ...campusesOf(schools).map((campus) => ({ value: campus.code, label: codeName(campus) }))]}
        />
        <label htmlFor="arrangement-seats">{t('staff.arrangement.seatsPerRoom')}</label>
        <InputNumber id="arrangement-seats" min={1} max={99} precision={0} value={seatsPerRoom} onChange={(value) => setSeatsPerRoom(value)} />
        <Button type="primary" size="large" disabled={seatsPerRoom === null} loading={busy} onClick={() => void run()}>
          {t('staff.arrangement.run')}
        </Button>
        {seatsPerRoom === null && <Typography.Text type="secondary">{t('staff.arrangement.seatsFirst')}</Typography.Text>}
      </Space>
      <div style={{ marginTop: 16 }}>{refusal.alert}</div>
      {outcome !== null && (
        <Alert
          data-testid="arrangement-outcome"
          type="success"
          showIcon
          role="status"
          title={t('staff.arrangement.done', { at: new Date(outcome.ranAt).toLocaleString(), newly: outcome.newlyArranged, already: outcome.alreadyArranged })}
          style={{ maxWidth: 760 }}
        />
      )}
    </Section>
  );
}
