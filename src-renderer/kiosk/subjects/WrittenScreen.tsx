// 笔试科目报考 (R5): 英语笔试 and 小语种笔试 tables; the shared rule flags two subjects of one level as soon as both are ticked.
import { Alert, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferingChoice } from '../../../shared/contracts/http/enrolment.js';
import { checkWrittenSelection } from '../../../shared/rules/written-enrolment.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { WrittenChoiceTables } from './WrittenChoiceTables.js';
import { SubmitBar } from './SubmitBar.js';
import { useSubjectSelection } from './use-subject-selection.js';
import { offeringOf } from './wire-to-domain.js';

export function WrittenScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const registration = useCandidateStore((state) => state.registration);
  const [choices, setChoices] = useState<readonly OfferingChoice[] | null>(null);
  const refusal = useRefusal();
  const { selected, busy, toggle, submit } = useSubjectSelection('enrolWritten', refusal);
  const needsServer = useNeedsServer();

  useEffect(() => {
    void call('listWrittenChoices', {}).then((result) => (result.ok ? setChoices(result.value.choices) : refusal.show(result.error)));
  }, [refusal.show]);

  const selectionError = useMemo(() => {
    if (choices === null || registration === null || selected.size === 0) return null;
    return checkWrittenSelection({
      candidateQualifications: registration.qualificationSubjects.map((subject) => subject.code),
      existingEnrolments: registration.written.enrolments.map((enrolment) => ({ subject: enrolment.subject })),
      selection: choices.filter((choice) => selected.has(choice.offering.id)).map((choice) => ({ subject: choice.subject, offering: offeringOf(choice.offering) })),
      now: new Date(),
    });
  }, [choices, registration, selected]);

  // 提交 claims the seats on the server (R5); offline that reason comes first (离线登记 is the way to enrol then).
  const reason = needsServer ?? (selected.size === 0 ? t('subjects.selectFirst') : selectionError === null ? null : refusalMessage(selectionError, locale));

  return (
    <Page title={t('subjects.writtenTitle')} width={1180}>
      <Typography.Paragraph strong>{t('subjects.levelRule')}</Typography.Paragraph>
      {selectionError !== null && <Alert type="error" showIcon role="alert" title={refusalMessage(selectionError, locale)} style={{ marginBottom: 16 }} />}
      {refusal.alert}
      <WrittenChoiceTables choices={choices} selected={selected} onToggle={toggle} />
      <SubmitBar reason={reason} busy={busy} onSubmit={() => void submit()} />
    </Page>
  );
}
