// 校区概况 (K4): per offering capacity, enrolled, paid, unpaid and remaining in R6's colours with a bar each; registrations by progress; pending reviews.
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { campusOverview } from '../../../shared/contracts/http/staff.js';
import { CapacityCell } from '../../kiosk/subjects/CapacityCell.js';
import { campusesOf, useStaffSession } from '../../stores/staff-session.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { CampusSelect } from '../shell/CampusSelect.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';

type Overview = ResponseOf<typeof campusOverview>;
type Load = Overview['offerings'][number];

const NO_FIELDS: readonly string[] = [];
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function CampusOverview() {
  const { t } = useTranslation();
  const first = useStaffSession((state) => campusesOf(state.schools)[0]?.code);
  const [campusCode, setCampusCode] = useState<string | undefined>(first);
  const [overview, setOverview] = useState<Overview | null>(null);
  const { alert, show, clear } = useRefusal(undefined, NO_FIELDS);

  const load = useCallback(
    async (code: string) => {
      clear();
      const result = await staffCall('campusOverview', { campusCode: code });
      if (result.ok) setOverview(result.value);
      else show(result.error);
    },
    [clear, show],
  );

  useEffect(() => {
    if (campusCode !== undefined) void load(campusCode);
  }, [campusCode, load]);

  const registrations = overview?.registrations;
  const bars = registrations === undefined ? [] : (['withoutEnrolments', 'withUnpaid', 'allPaid'] as const).map((key) => ({ key, count: registrations[key] }));
  return (
    <Section
      title={t('staff.overview.title')}
      extra={
        <Space wrap>
          <label htmlFor="overview-campus">{t('staff.campus')}</label>
          <CampusSelect id="overview-campus" value={campusCode} onChange={setCampusCode} />
          <Button onClick={() => campusCode !== undefined && void load(campusCode)} disabled={campusCode === undefined}>
            {t('staff.refresh')}
          </Button>
        </Space>
      }
    >
      {alert}
      {campusCode === undefined && <Alert type="info" title={t('staff.noCampus')} />}
      {overview !== null && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('staff.overview.asOf', { at: new Date(overview.asOf).toLocaleString() })}</Typography.Text>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('staff.overview.pendingReviews')} value={overview.pendingReviews} />
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card title={t('staff.overview.registrations', { total: overview.registrations.total })} data-testid="registrations-chart">
                {bars.map((bar) => (
                  <div key={bar.key} style={{ display: 'grid', gridTemplateColumns: '140px 1fr 56px', alignItems: 'center', gap: 12 }}>
                    <span>{t(`staff.overview.progress.${bar.key}`)}</span>
                    <Progress percent={percent(bar.count, overview.registrations.total)} showInfo={false} aria-label={t(`staff.overview.progress.${bar.key}`)} />
                    <strong>{bar.count}</strong>
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
          <Table<Load>
            data-testid="offerings"
            rowKey="offeringId"
            pagination={false}
            dataSource={overview.offerings}
            columns={[
              { title: t('subjects.subject'), key: 'subject', render: (_v, load) => `(${load.subject.code})${load.subject.name}` },
              { title: t('staff.overview.capacity'), dataIndex: 'capacity', align: 'right' },
              { title: t('staff.overview.enrolled'), dataIndex: 'enrolled', align: 'right' },
              { title: t('staff.overview.paid'), dataIndex: 'paid', align: 'right' },
              { title: t('staff.overview.unpaid'), dataIndex: 'unpaid', align: 'right' },
              { title: t('subjects.remaining'), key: 'remaining', render: (_v, load) => <CapacityCell colour={load.colour} remaining={load.remaining} /> },
              {
                title: t('staff.overview.load'),
                key: 'bar',
                width: 240,
                render: (_v, load) => (
                  <Progress
                    percent={percent(load.enrolled, load.capacity)}
                    success={{ percent: percent(load.paid, load.capacity) }}
                    aria-label={t('staff.overview.loadLabel', { paid: load.paid, enrolled: load.enrolled, capacity: load.capacity })}
                  />
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">{t('staff.overview.legend')}</Typography.Text>
        </Space>
      )}
    </Section>
  );
}
