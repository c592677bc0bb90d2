// The page behind the emailed reset link (A5): the link is checked first, then the new password twice.
import { Alert, Button, Descriptions, Form, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../platform/kiosk-api.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { Outcome } from './PasswordResetScreen.js';

export function ResetLinkScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const [link, setLink] = useState<{ email: string; expiresAt: string } | null>(null);
  const [broken, setBroken] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ password: string; passwordConfirmation: string }>();
  const refusal = useRefusal(form, ['password', 'passwordConfirmation']);
  // The new password is set on the server.
  const offline = useNeedsServer() !== null;

  useEffect(() => {
    void call('checkResetLink', { token }).then((result) => (result.ok ? setLink(result.value) : setBroken(result.error)));
  }, [token]);

  if (done) return <Outcome title={t('reset.done')} subTitle={t('reset.doneLead')} />;

  const submit = async (values: { password: string; passwordConfirmation: string }) => {
    refusal.clear();
    const result = await call('resetPasswordByEmail', { token, ...values });
    if (result.ok) setDone(true);
    else refusal.show(result.error);
  };

  return (
    <Page title={t('reset.linkTitle')} width={600}>
      {broken !== null && <Alert type="error" showIcon role="alert" title={refusalMessage(broken, locale)} />}
      {link !== null && (
        <>
          <Descriptions column={1} bordered size="middle" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('reset.emailName')}>{link.email}</Descriptions.Item>
          </Descriptions>
          <Alert type="info" title={t('reset.linkExpiresAt', { at: formatInstant(link.expiresAt, timeZone) })} style={{ marginBottom: 16 }} />
          {refusal.alert}
          <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
            <NewPasswordFields />
            <Space wrap>
              <Button type="primary" htmlType="submit" size="large" disabled={offline}>
                {t('reset.submit')}
              </Button>
              <NeedsServerNote />
            </Space>
          </Form>
        </>
      )}
    </Page>
  );
}
