// 注册ETEST通行证 (A3): every field checked by the shared rules while typing, the SMS code with its cooldown, the agreement.
import { Button, Divider, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassportForm } from '../../../shared/contracts/http/account-fields.js';
import { normalizeMobile } from '../../../shared/rules/contact.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { ContactFields } from './ContactFields.js';
import { IdentityFields } from './IdentityFields.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { PassportAgreementField } from './PassportAgreementField.js';
import { SmsCodeButton } from './SmsCodeButton.js';

const FIELDS = ['email', 'mobile', 'password', 'passwordConfirmation', 'idType', 'idNumber', 'name', 'smsCode', 'agreementAccepted'];

export function RegisterScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PassportForm>();
  const draft = useCandidateStore((state) => state.passportDraft);
  const patch = useCandidateStore((state) => state.patch);
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);
  // 注册 asks the server for the preview (and the SMS code is checked there); offline, 离线登记 captures a passport instead.
  const offline = useNeedsServer() !== null;

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
        <ContactFields />
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
        <PassportAgreementField />
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline}>
            {t('register.submit')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'home' })}>
            {t('app.home')}
          </Button>
          <NeedsServerNote />
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
