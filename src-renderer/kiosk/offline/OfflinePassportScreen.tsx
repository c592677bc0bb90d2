// 注册ETEST通行证 offline (A3 without the SMS code): the same fields and shared rules as online, the data shown back, then queued as passport.register.
import { Alert, Button, Descriptions, Divider, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passportRegisterPayload, type PassportRegisterPayload } from '../../../shared/contracts/operations.js';
import { normalizeEmail, normalizeMobile, normalizeName } from '../../../shared/rules/contact.js';
import { normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { maskIdNumber } from '../../../shared/rules/masking.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { ContactFields } from '../account/ContactFields.js';
import { IdentityFields } from '../account/IdentityFields.js';
import { NewPasswordFields } from '../account/NewPasswordFields.js';
import { PassportAgreementField } from '../account/PassportAgreementField.js';
import { Page } from '../shell/Page.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { OfflineFormActions } from './OfflineFormActions.js';
import { queueStep } from './queue.js';

const FIELDS = ['email', 'mobile', 'password', 'passwordConfirmation', 'idType', 'idNumber', 'name', 'agreementAccepted'];

/** The form as the server will canonicalise it, so what the confirmation shows is what is stored. */
function canonical(values: PassportRegisterPayload): PassportRegisterPayload {
  return {
    ...values,
    email: normalizeEmail(values.email),
    mobile: normalizeMobile(values.mobile),
    idNumber: normalizeIdNumber(values.idType, values.idNumber),
    name: normalizeName(values.name),
    agreementAccepted: values.agreementAccepted === true,
  };
}

export function OfflinePassportScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PassportRegisterPayload>();
  const draft = useOfflineStore((state) => state.passportDraft);
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);
  // The draft stays in the store while the candidate goes back to change it; this says which view shows.
  const [confirming, setConfirming] = useState(false);

  const review = (values: PassportRegisterPayload) => {
    refusal.clear();
    const parsed = passportRegisterPayload.safeParse(canonical(values));
    if (!parsed.success) return refusal.show({ code: 'VALIDATION_FAILED', field: String(parsed.error.issues[0]?.path[0] ?? '') });
    useOfflineStore.getState().patch({ passportDraft: parsed.data });
    setConfirming(true);
  };

  const confirm = async () => {
    if (draft === null) return;
    setBusy(true);
    const queued = await queueStep('passport.register', draft, [draft.email, draft.mobile, `${t(`idType.${draft.idType}`)} ${maskIdNumber(draft.idNumber)}`, draft.name]);
    setBusy(false);
    if (!queued.ok) return refusal.show(queued.error);
    useOfflineStore.getState().patch({
      passportDraft: null,
      candidate: { by: 'operation', seq: queued.seq },
      identity: { idType: draft.idType, idNumber: draft.idNumber, name: draft.name },
    });
    go({ name: 'offlineRegistration' });
  };

  if (confirming && draft !== null) {
    return (
      <Page title={t('offline.passport.confirmTitle')} width={640}>
        <Typography.Paragraph>{t('offline.passport.confirmLead')}</Typography.Paragraph>
        {refusal.alert}
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('fields.email')}>{draft.email}</Descriptions.Item>
          <Descriptions.Item label={t('fields.mobile')}>{draft.mobile}</Descriptions.Item>
          <Descriptions.Item label={t('fields.idType')}>{t(`idType.${draft.idType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.idNumber')}>{maskIdNumber(draft.idNumber)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.name')}>{draft.name}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 24 }} wrap>
          <Button type="primary" size="large" loading={busy} onClick={() => void confirm()}>
            {t('offline.passport.confirm')}
          </Button>
          <Button size="large" onClick={() => setConfirming(false)}>
            {t('offline.passport.back')}
          </Button>
        </Space>
      </Page>
    );
  }

  return (
    <Page title={t('offline.passport.title')}>
      <Alert type="info" showIcon title={t('offline.passport.noSmsHint')} style={{ marginBottom: 16 }} />
      {refusal.alert}
      <Form form={form} layout="vertical" initialValues={draft ?? undefined} onFinish={review} requiredMark>
        <ContactFields />
        <NewPasswordFields label="fields.password" />
        <Divider titlePlacement="start">{t('register.personal')}</Divider>
        <IdentityFields />
        <PassportAgreementField />
        <OfflineFormActions nextLabel={t('offline.passport.next')} />
      </Form>
    </Page>
  );
}
