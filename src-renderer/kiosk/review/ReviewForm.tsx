// 新增CET6资格复核申请: name, ID and the CET4 ticket number (checked by the shared C2 rule), with the seed's confirmation.
import { Alert, Button, Checkbox, Form, Input, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedReviewApplication } from '../../../shared/contracts/http/review.js';
import type { IdType } from '../../../shared/domain/identity.js';
import { normalizeName } from '../../../shared/rules/contact.js';
import { normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { checkReviewTicket } from '../../../shared/rules/review-ticket.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { IdentityFields } from '../account/IdentityFields.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';

interface ReviewValues {
  idType: IdType;
  idNumber: string;
  name: string;
  ticketNumber: string;
  confirmed: boolean;
}

export function ReviewForm({ resubmit, onSubmitted, extraButtons }: { resubmit: boolean; onSubmitted: (application: MaskedReviewApplication) => void; extraButtons: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<ReviewValues>();
  const identity = useCandidateStore((state) => state.queriedIdentity);
  const refusal = useRefusal(form, ['idType', 'idNumber', 'name', 'ticketNumber', 'confirmed']);
  const [busy, setBusy] = useState(false);
  // The application goes to the server (C2); the online kiosk does not queue it.
  const offline = useNeedsServer() !== null;

  const submit = async (values: ReviewValues) => {
    refusal.clear();
    setBusy(true);
    const request = {
      idType: values.idType,
      idNumber: normalizeIdNumber(values.idType, values.idNumber),
      name: normalizeName(values.name),
      ticketNumber: values.ticketNumber.trim(),
      confirmed: true as const,
    };
    const result = resubmit ? await call('resubmitReview', request) : await call('submitReview', request);
    setBusy(false);
    if (result.ok) onSubmitted(result.value);
    else refusal.show(result.error);
  };

  return (
    <>
      <Alert type="info" showIcon title={t('review.notice')} style={{ marginBottom: 16 }} />
      {refusal.alert}
      <Form form={form} layout="vertical" initialValues={identity ?? undefined} onFinish={(values) => void submit(values)}>
        <IdentityFields />
        <Form.Item name="ticketNumber" label={t('fields.ticketNumber')} rules={[ruleOf((value) => checkReviewTicket(value.trim()), locale)]} required>
          <Input inputMode="numeric" maxLength={15} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[{ validator: async (_rule, value) => { if (value !== true) throw new Error(t('review.mustConfirm')); } }]}
        >
          <Checkbox>{t('review.confirm')}</Checkbox>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline}>
            {t('review.submit')}
          </Button>
          {extraButtons}
          <NeedsServerNote />
        </Space>
      </Form>
    </>
  );
}
