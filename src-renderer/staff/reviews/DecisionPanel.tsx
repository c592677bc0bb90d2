// 复核 decision (C4, C7): approve, reject with a required reason, and mark or clear a repeat submitter with a note.
import { Button, Form, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewEvidence } from '../../../shared/contracts/http/review.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { staffCall } from '../shell/staff-api.js';

export interface DecisionPanelHandle {
  approve(): void;
  focusReason(): void;
}

const REASON_FIELDS = ['reason'];

export function DecisionPanel({ evidence, onDecided, onChanged, ref }: { evidence: ReviewEvidence; onDecided: (id: string) => void; onChanged: (next: ReviewEvidence) => void; ref?: Ref<DecisionPanelHandle> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [flagForm] = Form.useForm<{ note: string }>();
  const refusal = useRefusal(form, REASON_FIELDS);
  const reasonBox = useRef<TextAreaRef>(null);
  const [busy, setBusy] = useState<'approve' | 'reject' | 'flag' | null>(null);
  const application = evidence.application;
  const pending = application.status === 'PENDING';

  const approve = async () => {
    if (busy !== null) return;
    refusal.clear();
    setBusy('approve');
    const result = await staffCall('decideReview', { applicationId: application.id, decision: 'APPROVED' });
    setBusy(null);
    if (!result.ok) return refusal.show(result.error);
    onDecided(application.id);
  };

  const reject = async ({ reason }: { reason: string }) => {
    refusal.clear();
    setBusy('reject');
    const result = await staffCall('decideReview', { applicationId: application.id, decision: 'REJECTED', reason: reason.trim() });
    setBusy(null);
    if (!result.ok) return refusal.show(result.error);
    form.resetFields();
    onDecided(application.id);
  };

  const flag = async ({ note }: { note?: string }) => {
    refusal.clear();
    setBusy('flag');
    const trimmed = note?.trim() ?? '';
    const result = await staffCall('flagRepeatSubmitter', { applicationId: application.id, flagged: !application.repeatSubmitter, ...(trimmed === '' ? {} : { note: trimmed }) });
    setBusy(null);
    if (!result.ok) return refusal.show(result.error);
    flagForm.resetFields();
    onChanged(result.value);
  };

  useImperativeHandle(ref, () => ({ approve: () => void approve(), focusReason: () => reasonBox.current?.focus() }));

  if (!pending) {
    return (
      <Typography.Paragraph strong data-testid="decided">
        {t('staff.reviews.decided', { status: t(`review.statusName.${application.status}`) })}
      </Typography.Paragraph>
    );
  }
  return (
    <div>
      {refusal.alert}
      <Space align="start" wrap size="large" style={{ width: '100%' }}>
        <Button type="primary" size="large" loading={busy === 'approve'} onClick={() => void approve()}>
          {t('staff.reviews.approve')}
        </Button>
        <Form form={form} layout="inline" onFinish={(values) => void reject(values)} style={{ flex: 1, minWidth: 320 }}>
          <Form.Item name="reason" label={t('staff.reviews.reason')} rules={[{ required: true, whitespace: true, message: t('staff.reviews.reasonRequired') }]} style={{ flex: 1 }}>
            <Input.TextArea ref={reasonBox} maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('staff.reviews.reasonPlaceholder')} />
          </Form.Item>
          <Button danger htmlType="submit" size="large" loading={busy === 'reject'}>
            {t('staff.reviews.reject')}
          </Button>
        </Form>
      </Space>
      <Form form={flagForm} layout="inline" onFinish={(values) => void flag(values)} style={{ marginTop: 16 }}>
        <Form.Item name="note" label={t('staff.reviews.flagNote')}>
          <Input maxLength={200} style={{ width: 280 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy === 'flag'}>
          {application.repeatSubmitter ? t('staff.reviews.unflag') : t('staff.reviews.flag')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('staff.reviews.flagHelp')}
      </Typography.Paragraph>
    </div>
  );
}
