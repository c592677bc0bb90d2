// 验证手机号: a passport registered at an offline kiosk has no proven mobile, so after login an SMS code to it comes before anything else (K3).
import { Alert, Button, Form, Input, Space, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { SmsCodeButton } from '../account/SmsCodeButton.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

export function VerifyMobileScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ smsCode: string }>();
  const refusal = useRefusal(form, ['smsCode']);
  const [busy, setBusy] = useState(false);
  // The code is checked on the server (the SMS button says the same beside itself).
  const offline = useNeedsServer() !== null;

  const submit = async ({ smsCode }: { smsCode: string }) => {
    refusal.clear();
    setBusy(true);
    const result = await call('verifyMobile', { smsCode: smsCode.trim() });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    const session = useCandidateStore.getState().session;
    if (session?.role === 'candidate') useCandidateStore.getState().patch({ session: { ...session, mobileVerificationRequired: false } });
    void message.success(t('offline.verify.done'));
    go({ name: 'welcome' });
  };

  return (
    <Page title={t('offline.verify.title')} width={600}>
      <Alert type="info" showIcon title={t('offline.verify.lead')} style={{ marginBottom: 16 }} />
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('fields.smsCode')} required>
          <Space wrap>
            <Form.Item name="smsCode" noStyle rules={[{ required: true, message: t('app.required') }]}>
              <Input style={{ width: 160 }} inputMode="numeric" maxLength={12} autoComplete="one-time-code" aria-label={t('fields.smsCode')} />
            </Form.Item>
            <SmsCodeButton send={() => call('sendMobileVerificationCode', {})} onRefused={refusal.show} />
          </Space>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline}>
            {t('offline.verify.submit')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
    </Page>
  );
}
