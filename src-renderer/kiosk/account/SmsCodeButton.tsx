// 发送验证码 with the server's cooldown counted down on the button, so the wait is visible rather than a dead button.
import { Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/contracts/ipc.js';
import type { Refusal } from '../../platform/kiosk-api.js';
import { useNeedsServer } from '../shell/needs-server.js';

interface CodeSent {
  readonly sentTo: string;
  readonly resendAfterSeconds: number;
}

export function SmsCodeButton({ send, onRefused }: { send: () => Promise<IpcResult<CodeSent> | null>; onRefused: (error: Refusal) => void }) {
  const { t } = useTranslation();
  const [cooldown, setCooldown] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // The code is the server's to send: offline the button waits and the status beside it says why instead of where it would go.
  const needsServer = useNeedsServer();

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown(cooldown - 1), 1_000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const click = async () => {
    setSending(true);
    const result = await send();
    setSending(false);
    if (result === null) return;
    if (result.ok) {
      setSentTo(result.value.sentTo);
      setCooldown(result.value.resendAfterSeconds);
    } else {
      onRefused(result.error);
    }
  };

  return (
    <>
      <Button onClick={() => void click()} disabled={cooldown > 0 || needsServer !== null} loading={sending}>
        {cooldown > 0 ? t('sms.resendIn', { seconds: cooldown }) : t('sms.send')}
      </Button>
      <Typography.Text type="secondary" role="status" style={{ marginLeft: 12 }}>
        {needsServer ?? (sentTo === null ? t('sms.willSendTo') : t('sms.sentTo', { to: sentTo }))}
      </Typography.Text>
    </>
  );
}
