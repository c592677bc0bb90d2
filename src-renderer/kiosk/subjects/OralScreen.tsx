// 口试科目报考 (R6): the campus (fixed when the written campus forbids others), its notice, and subjects with capacity colours; full ones cannot be ticked.
import { Alert, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { KioskEndpoints } from '../../platform/kiosk-api.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { codeName } from '../../ui/format.js';
import { call } from '../shell/call.js';
import { useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { ChoiceTable } from './ChoiceTable.js';
import { SubmitBar } from './SubmitBar.js';
import { useSubjectSelection } from './use-subject-selection.js';

type Campuses = ResponseOf<KioskEndpoints['listOralCampuses']>;
type Choices = ResponseOf<KioskEndpoints['listOralChoices']>;

export function OralScreen() {
  const { t } = useTranslation();
  const [campuses, setCampuses] = useState<Campuses | null>(null);
  const [campusCode, setCampusCode] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const refusal = useRefusal();
  const { selected, busy, toggle, submit, clear } = useSubjectSelection('enrolOral', refusal);
  const needsServer = useNeedsServer();

  useEffect(() => {
    void call('listOralCampuses', {}).then((result) => {
      if (!result.ok) return refusal.show(result.error);
      setCampuses(result.value);
      const only = result.value.campuses[0];
      if (result.value.fixed && only !== undefined) setCampusCode(only.campus.code);
    });
  }, [refusal.show]);

  useEffect(() => {
    if (campusCode === null) return;
    setChoices(null);
    clear();
    void call('listOralChoices', { campusCode }).then((result) => (result.ok ? setChoices(result.value) : refusal.show(result.error)));
  }, [campusCode, refusal.show]);

  // 提交 claims the seat on the server (R6); offline that reason comes first.
  const reason = needsServer ?? (selected.size === 0 ? t('subjects.selectFirst') : null);
  return (
    <Page title={t('subjects.oralTitle')} width={1180}>
      <Alert type="info" title={t('subjects.oralRules')} style={{ marginBottom: 16 }} />
      {refusal.alert}
      {campuses !== null && campuses.campuses.length === 0 && <Alert type="warning" showIcon title={t('subjects.noCampus')} style={{ marginBottom: 16 }} />}
      {campuses !== null && campuses.fixed && <Alert type="info" showIcon title={t('subjects.fixedCampus')} style={{ marginBottom: 16 }} />}
      {campuses !== null && !campuses.fixed && campuses.campuses.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          {/* Tied by id: a label wrapping the Select would also read the chosen campus into the field's name. */}
          <label htmlFor="oral-campus">
            <Typography.Text strong style={{ marginRight: 12 }}>
              {t('subjects.campusLabel')}
            </Typography.Text>
          </label>
          <Select
            id="oral-campus"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 420 }}
            placeholder={t('subjects.chooseCampus')}
            value={campusCode ?? undefined}
            onChange={(value: string) => setCampusCode(value)}
            options={campuses.campuses.map((entry) => ({ value: entry.campus.code, label: `${codeName(entry.school)} — ${codeName(entry.campus)}` }))}
          />
        </div>
      )}
      {choices !== null && (
        <>
          {choices.notice.length > 0 && (
            <Alert
              type="info"
              title={t('subjects.schoolNotice')}
              description={choices.notice.map((line) => (
                <div key={line}>{line}</div>
              ))}
              style={{ marginBottom: 16 }}
            />
          )}
          <ChoiceTable title={`${codeName(choices.school)} — ${codeName(choices.campus)}`} choices={choices.choices} selected={selected} onToggle={toggle} showExamDate />
        </>
      )}
      <SubmitBar reason={reason} busy={busy} onSubmit={() => void submit()} />
    </Page>
  );
}
