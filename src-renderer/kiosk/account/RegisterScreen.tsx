// 注册ETEST通行证 (A3): every field checked by the shared rules while typing, the SMS code with its cooldown, the agreement.
import { Button, Checkbox, Divider, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassportForm } from '../../../shared/contracts/http/account-fields.js';
import { checkEmail, checkMobile, normalizeEmail, normalizeMobile } from '../../../shared/rules/contact.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { Page } from '../shell/Page.js';
import { AgreementLinks } from './AgreementLinks.js';
import { IdentityFields } from './IdentityFields.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { SmsCodeButton } from './SmsCodeButton.js';

const FIELDS = ['email', 'mobile', 'password', 'passwordConfirmation', 'idType', 'idNumber', 'name', 'smsCode', 'agreementAccepted'];

export function RegisterScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<PassportForm>();
  const draft = useCandidateStore((state) => state.passportDraft);
  const patch = useCandidateStore((state) => state.patch);
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PassportForm) => {
    refusal.clear();
    setBusy(true);
    const form = { ...values, agreementAccepted: values.agreementAccepted === true };
    const result = await call('previewRegistration', form);
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    patch({ passportDraft: form, passportPreview: result.value });
    go({ name: 'registerConfirm' });
  };

  const sendCode = async () => {
    try {
      await form.validateFields(['mobile']);
    } catch {
      return null;
    }
    return call('sendRegistrationSmsCode', { mobile: normalizeMobile(form.getFieldValue('mobile') as string) });
  };

  return (
    <Page title={t('register.title')}>
      {refusal.alert}
      <Form form={form} layout="vertical" initialValues={draft ?? undefined} onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item name="email" label={t('fields.email')} rules={[ruleOf((value) => checkEmail(normalizeEmail(value)), locale)]} required>
          <Input type="email" maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t('fields.mobile')} extra={t('register.contactHint')} rules={[ruleOf((value) => checkMobile(normalizeMobile(value)), locale)]} required>
          <Input inputMode="numeric" maxLength={20} autoComplete="off" />
        </Form.Item>
        <NewPasswordFields label="fields.password" />
        <Divider titlePlacement="start">{t('register.personal')}</Divider>
        <IdentityFields />
        <Form.Item label={t('fields.smsCode')} required>
          <Space wrap>
            <Form.Item name="smsCode" noStyle rules={[{ required: true, message: t('app.required') }]}>
              <Input style={{ width: 160 }} inputMode="numeric" maxLength={12} autoComplete="one-time-code" aria-label={t('fields.smsCode')} />
            </Form.Item>
            <SmsCodeButton send={sendCode} onRefused={refusal.show} />
          </Space>
        </Form.Item>
        <Form.Item
          name="agreementAccepted"
          valuePropName="checked"
          rules={[{ validator: async (_rule, value) => { if (value !== true) throw new Error(t('register.agreementRequired')); } }]}
        >
          <Checkbox>{t('register.agreementPrefix')}</Checkbox>
        </Form.Item>
        <div style={{ marginTop: -16, marginBottom: 16 }}>
          <AgreementLinks />
        </div>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            {t('register.submit')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'home' })}>
            {t('app.home')}
          </Button>
        </Space>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('register.haveAccount')}
          <Button type="link" onClick={() => go({ name: 'login' })}>
            {t('register.toLogin')}
          </Button>
        </Typography.Paragraph>
      </Form>
    </Page>
  );
}
