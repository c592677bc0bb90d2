// 口试科目报考 offline (R6): campuses and offerings from the cache, judged against the written subjects just chosen, queued as enrolment.oral; or none.
import { Alert, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { codeName } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Page } from '../shell/Page.js';
import { ChoiceTable } from '../subjects/ChoiceTable.js';
import { SubmitBar } from '../subjects/SubmitBar.js';
import { useOfferingToggle } from '../subjects/use-offering-toggle.js';
import { oralCampuses, oralChoices, writtenCampusOf } from './cached-catalogue.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { queueStep, useCachedCatalogue } from './queue.js';
import { StaleSeatsNotice } from './StaleSeatsNotice.js';

export function OfflineOralScreen() {
  const { t } = useTranslation();
  const catalogue = useCachedCatalogue();
  const candidate = useOfflineStore((state) => state.candidate);
  const written = useOfflineStore((state) => state.written);
  const [picked, setPicked] = useState<string | null>(null);
  const { selected, toggle, clear } = useOfferingToggle();
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const [now] = useState(() => new Date());

  const writtenCampus = writtenCampusOf(written);
  const campuses = useMemo(() => (catalogue === null || writtenCampus === null ? null : oralCampuses(catalogue, writtenCampus, now)), [catalogue, writtenCampus?.campusCode, now]);
  // R6: a written campus that forbids other campuses fixes the oral campus to itself.
  const campusCode = campuses?.fixed === true ? (campuses.campuses[0]?.code ?? null) : picked;
  const choices = useMemo(
    () => (catalogue === null || writtenCampus === null || campusCode === null ? null : oralChoices(catalogue, campusCode, written, writtenCampus, now)),
    [catalogue, campusCode, written, now],
  );
  const chosen = (choices ?? []).filter((choice) => selected.has(choice.offering.id));

  const submit = async () => {
    if (candidate === null) return;
    refusal.clear();
    setBusy(true);
    const queued = await queueStep(
      'enrolment.oral',
      { candidate, offeringIds: chosen.map((choice) => choice.offering.id) },
      chosen.map((choice) => `(${choice.subject.code}) ${choice.subject.name} — ${codeName(choice.campus)}`),
    );
    setBusy(false);
    if (!queued.ok) return refusal.show(queued.error);
    go({ name: 'offlineSummary' });
  };

  const campus = campuses?.campuses.find((entry) => entry.code === campusCode);
  return (
    <Page title={t('offline.subjects.oralTitle')} width={1180}>
      <Alert type="info" title={t('subjects.oralRules')} style={{ marginBottom: 16 }} />
      <StaleSeatsNotice refreshedAt={catalogue?.refreshedAt ?? null} />
      {refusal.alert}
      {campuses !== null && campuses.campuses.length === 0 && <Alert type="warning" showIcon title={t('offline.subjects.noCampus')} style={{ marginBottom: 16 }} />}
      {campuses !== null && campuses.fixed && <Alert type="info" showIcon title={t('subjects.fixedCampus')} style={{ marginBottom: 16 }} />}
      {campuses !== null && !campuses.fixed && campuses.campuses.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <label htmlFor="offline-oral-campus">
            <Typography.Text strong style={{ marginRight: 12 }}>
              {t('subjects.campusLabel')}
            </Typography.Text>
          </label>
          <Select
            id="offline-oral-campus"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 420 }}
            placeholder={t('subjects.chooseCampus')}
            value={campusCode ?? undefined}
            onChange={(value: string) => {
              setPicked(value);
              clear();
            }}
            options={campuses.campuses.map((entry) => ({ value: entry.code, label: codeName(entry) }))}
          />
        </div>
      )}
      {choices !== null && campus !== undefined && <ChoiceTable title={codeName(campus)} choices={choices} selected={selected} onToggle={toggle} showExamDate />}
      <SubmitBar
        reason={selected.size === 0 ? t('subjects.selectFirst') : null}
        busy={busy}
        onSubmit={() => void submit()}
        onBack={() => go({ name: 'offlineSummary' })}
        backLabel={t('offline.subjects.skipOral')}
      />
    </Page>
  );
}
