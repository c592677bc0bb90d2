// 资格信息确认 (R2, R3, C1): the roster record and 资格科目, CET6资格复核 when offered, then 保存并继续 inside the window only.
import { Alert, Button, Checkbox, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { ReviewButton } from '../review/ReviewButton.js';
import { call } from '../shell/call.js';
import { useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { RosterDetails } from './RosterDetails.js';

export function QualificationConfirmScreen() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const qualification = useCandidateStore((state) => state.qualification);
  const identity = useCandidateStore((state) => state.queriedIdentity);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const needsServer = useNeedsServer();
  if (qualification === null || identity === null) return null;
  const { saving } = qualification;

  const save = async () => {
    refusal.clear();
    setBusy(true);
    const result = await call('saveRegistration', { ...identity, confirmed: true });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    useCandidateStore.getState().patch({ registration: result.value });
    void message.success(t('qualification.saved'));
    go({ name: 'written' });
  };

  const windowNote = saving.allowed
    ? null
    : saving.opensAt !== null && Date.parse(saving.opensAt) > Date.now()
      ? t('qualification.notOpen', { at: formatInstant(saving.opensAt, timeZone) })
      : t('qualification.closed');
  // 保存并继续 is the server's save: offline it waits with that reason first, as the candidate cannot fix it by ticking anything.
  const reason = needsServer ?? windowNote ?? (confirmed ? null : t('qualification.mustConfirm'));

  return (
    <Page title={t('qualification.confirmTitle')} width={880}>
      {refusal.alert}
      <RosterDetails record={qualification.rosterRecord} />
      <div style={{ margin: '16px 0' }}>
        <ReviewButton offer={qualification.cet6Review} returnTo="qualificationConfirm" withNote />
      </div>
      {windowNote !== null && <Alert type="warning" showIcon title={windowNote} style={{ marginBottom: 16 }} />}
      {saving.allowed && <Alert type="info" title={t('qualification.saveWarning')} style={{ marginBottom: 16 }} />}
      <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} disabled={!saving.allowed}>
        {t('qualification.confirm')}
      </Checkbox>
      <div style={{ marginTop: 24 }}>
        <Space wrap>
          <Button size="large" onClick={() => go({ name: 'welcome' })}>
            {t('app.home')}
          </Button>
          <Button type="primary" size="large" disabled={reason !== null} loading={busy} onClick={() => void save()}>
            {t('qualification.save')}
          </Button>
          {reason !== null && <Typography.Text type="secondary">{reason}</Typography.Text>}
        </Space>
      </div>
    </Page>
  );
}
