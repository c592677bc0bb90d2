// 笔试科目报考 offline (R5): the cached offerings of the written campus in the same tables as online, judged by the shared rule, queued as enrolment.written.
import { Alert, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Page } from '../shell/Page.js';
import { WrittenChoiceTables } from '../subjects/WrittenChoiceTables.js';
import { SubmitBar } from '../subjects/SubmitBar.js';
import { useOfferingToggle } from '../subjects/use-offering-toggle.js';
import { checkWrittenChoice, writtenChoices } from './cached-catalogue.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { queueStep, useCachedCatalogue } from './queue.js';
import { StaleSeatsNotice } from './StaleSeatsNotice.js';

export function OfflineWrittenScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCachedCatalogue();
  const candidate = useOfflineStore((state) => state.candidate);
  const campusCode = useOfflineStore((state) => state.writtenCampusCode);
  const { selected, toggle } = useOfferingToggle();
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  // One instant per screen: the windows are judged at the moment the list was drawn, as online.
  const [now] = useState(() => new Date());

  const choices = useMemo(() => (catalogue === null || campusCode === null ? null : writtenChoices(catalogue, campusCode, now)), [catalogue, campusCode, now]);
  const chosen = (choices ?? []).filter((choice) => selected.has(choice.offering.id));
  const selectionError = catalogue === null || chosen.length === 0 ? null : checkWrittenChoice(catalogue, chosen, now);
  const reason = selected.size === 0 ? t('subjects.selectFirst') : selectionError === null ? null : refusalMessage(selectionError, locale);

  const submit = async () => {
    if (candidate === null) return;
    refusal.clear();
    setBusy(true);
    const queued = await queueStep(
      'enrolment.written',
      { candidate, offeringIds: chosen.map((choice) => choice.offering.id) },
      chosen.map((choice) => `(${choice.subject.code}) ${choice.subject.name}`),
    );
    setBusy(false);
    if (!queued.ok) return refusal.show(queued.error);
    useOfflineStore.getState().patch({ written: chosen });
    go({ name: 'offlineOral' });
  };

  return (
    <Page title={t('offline.subjects.writtenTitle')} width={1180}>
      <Typography.Paragraph strong>{t('subjects.levelRule')}</Typography.Paragraph>
      <StaleSeatsNotice refreshedAt={catalogue?.refreshedAt ?? null} />
      {selectionError !== null && <Alert type="error" showIcon role="alert" title={refusalMessage(selectionError, locale)} style={{ marginBottom: 16 }} />}
      {refusal.alert}
      <WrittenChoiceTables choices={choices} selected={selected} onToggle={toggle} />
      <SubmitBar reason={reason} busy={busy} onSubmit={() => void submit()} onBack={() => go({ name: 'offlineSummary' })} backLabel={t('offline.subjects.finishWithout')} />
    </Page>
  );
}
