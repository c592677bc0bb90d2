// 重置密码 (A5): 手机号/邮箱 + captcha, then by phone the SMS code and the new password twice, or by email the link is sent.
import { Alert, Button, Form, Input, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkEmail, checkMobile, normalizeEmail, normalizeMobile } from '../../../shared/rules/contact.js';
import { loginAccountKind } from '../../../shared/rules/login-account.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { CaptchaField } from './CaptchaField.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { useCaptcha } from './use-captcha.js';
import { useLocale } from '../../ui/use-locale.js';
import { refusalMessage } from '../../ui/refusal-message.js';

type Step = { kind: 'start' } | { kind: 'sms'; mobile: string; sentTo: string } | { kind: 'emailSent' } | { kind: 'done' };

export function PasswordResetScreen() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  if (step.kind === 'sms') return <ResetBySms mobile={step.mobile} sentTo={step.sentTo} onDone={() => setStep({ kind: 'done' })} />;
  if (step.kind === 'emailSent') return <Outcome title={t('reset.emailSent')} />;
  if (step.kind === 'done') return <Outcome title={t('reset.done')} subTitle={t('reset.doneLead')} />;
  return <ResetStart onSms={(mobile, sentTo) => setStep({ kind: 'sms', mobile, sentTo })} onEmail={() => setStep({ kind: 'emailSent' })} />;
}

export function Outcome({ title, subTitle }: { title: string; subTitle?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('reset.title')} width={640}>
      <Result
        status="success"
        title={title}
        subTitle={subTitle}
        extra={
          <Button type="primary" size="large" onClick={() => go({ name: 'login' })}>
            {t('register.goLogin')}
          </Button>
        }
      />
    </Page>
  );
}

function ResetStart({ onSms, onEmail }: { onSms: (mobile: string, sentTo: string) => void; onEmail: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ account: string; captcha: string }>();
  const captcha = useCaptcha();
  const refusal = useRefusal(form, ['account', 'mobile', 'email', 'captcha']);
  const [busy, setBusy] = useState(false);
  // The code or the link is the server's to send.
  const offline = useNeedsServer() !== null;

  const submit = async ({ account, captcha: answer }: { account: string; captcha: string }) => {
    if (captcha.id === null) return;
    refusal.clear();
    const byEmail = loginAccountKind(account.trim()) === 'email';
    setBusy(true);
    const result = byEmail
      ? await call('sendResetEmail', { email: normalizeEmail(account), captcha: { id: captcha.id, answer } })
      : await call('sendResetSmsCode', { mobile: normalizeMobile(account), captcha: { id: captcha.id, answer } });
    setBusy(false);
    captcha.refresh();
    form.setFieldValue('captcha', '');
    if (!result.ok) {
      const error = result.error;
      return refusal.show(error.field === 'mobile' || error.field === 'email' ? { ...error, field: 'account' } : error);
    }
    if (byEmail) onEmail();
    else onSms(normalizeMobile(account), result.value.sentTo);
  };

  const accountRule = {
    validator: async (_rule: unknown, value: unknown) => {
      const account = typeof value === 'string' ? value.trim() : '';
      const kind = loginAccountKind(account);
      const error = kind === 'email' ? checkEmail(normalizeEmail(account)) : kind === 'mobile' ? checkMobile(normalizeMobile(account)) : null;
      if (account === '' || kind === 'idNumber') throw new Error(t('reset.notContact'));
      if (error !== null) throw new Error(refusalMessage(error, locale));
    },
  };

  return (
    <Page title={t('reset.title')} width={600}>
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="account" label={t('reset.accountLabel')} extra={t('reset.accountHint')} rules={[accountRule]} required>
          <Input maxLength={254} autoComplete="off" />
        </Form.Item>
        <CaptchaField captcha={captcha} refreshDisabled={offline} />
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline || captcha.id === null}>
            {t('reset.next')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'login' })}>
            {t('app.back')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
    </Page>
  );
}

function ResetBySms({ mobile, sentTo, onDone }: { mobile: string; sentTo: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ smsCode: string; password: string; passwordConfirmation: string }>();
  const refusal = useRefusal(form, ['smsCode', 'password', 'passwordConfirmation']);
  const [busy, setBusy] = useState(false);
  const offline = useNeedsServer() !== null;

  const submit = async (values: { smsCode: string; password: string; passwordConfirmation: string }) => {
    refusal.clear();
    setBusy(true);
    const result = await call('resetPasswordBySms', { mobile, ...values });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    onDone();
  };

  return (
    <Page title={t('reset.smsTitle')} width={600}>
      <Alert type="info" showIcon title={t('sms.sentTo', { to: sentTo })} style={{ marginBottom: 16 }} />
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="smsCode" label={t('fields.smsCode')} rules={[{ required: true, message: t('app.required') }]}>
          <Input inputMode="numeric" maxLength={12} autoComplete="one-time-code" style={{ width: 200 }} />
        </Form.Item>
        <NewPasswordFields />
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline}>
            {t('reset.submit')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
    </Page>
  );
}
