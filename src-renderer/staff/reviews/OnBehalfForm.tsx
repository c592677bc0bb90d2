// 代为申请 (C7): a teacher files a CET6 review for a candidate after seeing the proof (pre-2005 score, forgotten ticket), with a note on it.
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROOF_KINDS, type ProofKind, type ReviewEvidence } from '../../../shared/contracts/http/review.js';
import { ID_TYPES, type IdType } from '../../../shared/domain/identity.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { staffCall } from '../shell/staff-api.js';

interface OnBehalfValues {
  idType: IdType;
  idNumber: string;
  name: string;
  ticketNumber?: string;
  proofKind: ProofKind;
  proofNote: string;
}

const FIELDS = ['idType', 'idNumber', 'name', 'ticketNumber', 'proofKind', 'proofNote'];

export function OnBehalfForm({ open, onClose, onFiled }: { open: boolean; onClose: () => void; onFiled: (filed: ReviewEvidence) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OnBehalfValues>();
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);

  const submit = async (values: OnBehalfValues) => {
    refusal.clear();
    setBusy(true);
    const ticket = values.ticketNumber?.trim() ?? '';
    const result = await staffCall('fileReviewOnBehalf', {
      idType: values.idType,
      idNumber: values.idNumber.trim(),
      name: values.name.trim(),
      ...(ticket === '' ? {} : { ticketNumber: ticket }),
      proofKind: values.proofKind,
      proofNote: values.proofNote.trim(),
    });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    form.resetFields();
    onFiled(result.value);
    onClose();
  };

  const required = { required: true, whitespace: true, message: t('app.required') };
  return (
    <Modal open={open} title={t('staff.reviews.onBehalf.title')} okText={t('staff.reviews.onBehalf.submit')} cancelText={t('payment.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {refusal.alert}
      <Form form={form} layout="vertical" initialValues={{ idType: 'RESIDENT_ID', proofKind: 'PRE_2005_SCORE' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="idType" label={t('fields.idType')} rules={[required]}>
          <Select options={ID_TYPES.map((type) => ({ value: type, label: t(`idType.${type}`) }))} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('fields.idNumber')} rules={[required]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.name')} rules={[required]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="ticketNumber" label={t('staff.reviews.onBehalf.ticketOptional')}>
          <Input maxLength={15} autoComplete="off" />
        </Form.Item>
        <Form.Item name="proofKind" label={t('staff.reviews.onBehalf.proofKind')} rules={[required]}>
          <Select options={PROOF_KINDS.map((kind) => ({ value: kind, label: t(`staff.reviews.proof.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="proofNote" label={t('staff.reviews.onBehalf.proofNote')} rules={[required]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
