// 报名协议 (R1): read, tick, then 同意 (recorded on the server) or 不同意.
import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { AgreementItems } from './AgreementItems.js';

export function AgreementScreen() {
  const { t } = useTranslation();
  const examSession = useReferenceStore((state) => state.examSession);
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const needsServer = useNeedsServer();

  const agree = async () => {
    if (examSession === null) return;
    setBusy(true);
    const result = await call('acceptAgreement', { agreementVersion: examSession.agreementVersion, accepted: true });
    setBusy(false);
    if (result.ok) go({ name: 'qualification' });
    else refusal.show(result.error);
  };

  // 同意 is recorded on the server (R1): offline it waits, saying so, whatever is ticked.
  const reason = needsServer ?? (examSession === null ? t('app.loading') : accepted ? null : t('agreement.mustAccept'));
  return (
    <Page title={t('agreement.title')}>
      {refusal.alert}
      <AgreementItems />
      <Checkbox checked={accepted} onChange={(event) => setAccepted(event.target.checked)}>
        {t('agreement.accept')}
      </Checkbox>
      <div style={{ marginTop: 24 }}>
        <Space wrap>
          <Button size="large" onClick={() => go({ name: 'welcome' })}>
            {t('agreement.disagree')}
          </Button>
          <Button type="primary" size="large" disabled={reason !== null} loading={busy} onClick={() => void agree()}>
            {t('agreement.agree')}
          </Button>
          {reason !== null && <Typography.Text type="secondary">{reason}</Typography.Text>}
        </Space>
      </div>
    </Page>
  );
}
