// 考生登录 (A4): 考点省份, 账号 (ID number, email or mobile), 密码 and the image captcha.
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { CaptchaField } from './CaptchaField.js';
import { LoginAccountFields } from './LoginAccountFields.js';
import { useCaptcha } from './use-captcha.js';
import { useProvinces } from './use-provinces.js';

interface LoginValues {
  provinceCode: string;
  account: string;
  password: string;
  captcha: string;
}

const FIELDS = ['provinceCode', 'account', 'password', 'captcha'];

export function LoginScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<LoginValues>();
  const captcha = useCaptcha();
  const { provinces, failure, retry } = useProvinces();
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);
  // Logging in, a new captcha and the province list are the server's; 返回首页 is the way to 离线登记.
  const offline = useNeedsServer() !== null;

  const submit = async (values: LoginValues) => {
    if (captcha.id === null) return;
    refusal.clear();
    setBusy(true);
    const result = await call('login', { provinceCode: values.provinceCode, account: values.account.trim(), password: values.password, captcha: { id: captcha.id, answer: values.captcha } });
    setBusy(false);
    captcha.refresh();
    form.setFieldValue('captcha', '');
    if (!result.ok) return refusal.show(result.error);
    useCandidateStore.getState().patch({ session: result.value });
    // A passport registered at an offline kiosk proves its mobile before anything else (K3).
    go(result.value.role === 'candidate' && result.value.mobileVerificationRequired ? { name: 'verifyMobile' } : { name: 'welcome' });
  };

  return (
    <Page title={t('login.title')} width={600}>
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('login.provincesFailed', { message: refusalMessage(failure, locale) })}
          action={
            <Button onClick={retry} disabled={offline}>
              {t('app.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <LoginAccountFields provinces={provinces ?? []} loading={provinces === null && failure === null} />
        <CaptchaField captcha={captcha} refreshDisabled={offline} />
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline || provinces === null || captcha.id === null}>
            {t('login.submit')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'home' })}>
            {t('app.home')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
      <Typography.Paragraph style={{ marginTop: 24 }}>
        {t('login.forgotPassword')}
        <Button type="link" onClick={() => go({ name: 'passwordReset' })}>
          {t('login.resetPassword')}
        </Button>
        {t('login.noAccount')}
        <Button type="link" onClick={() => go({ name: 'register' })}>
          {t('login.registerNow')}
        </Button>
        <Button type="link" onClick={() => go({ name: 'retrieval' })}>
          {t('login.retrieve')}
        </Button>
      </Typography.Paragraph>
    </Page>
  );
}
