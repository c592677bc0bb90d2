// 复核 decision (C4, C7): approve, reject with a required reason, and mark or clear a repeat submitter with a note;
// offline (K3) approve and reject are captured for replay instead, and a captured decision shows as 待同步 until the server answers.
import { Alert, Button, Form, Input, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewEvidence } from '../../../shared/contracts/http/review.js';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import { useRefusal } from '../../ui/use-refusal.js';
import type { CapturedDecision, Decision } from '../offline/offline-review.js';
import { staffCall } from '../shell/staff-api.js';

export interface DecisionPanelHandle {
  approve(): void;
  focusReason(): void;
}

const REASON_FIELDS = ['reason'];

/** Deciding while the server is unreachable: `decide` captures the decision; `blocked` says why it cannot (no or an expired grant). */
export interface OfflineDecider {
  readonly decide: (decision: Decision) => Promise<IpcError | null>;
  readonly blocked: string | null;
}

interface DecisionPanelProps {
  evidence: ReviewEvidence;
  onDecided: (id: string) => void;
  onChanged: (next: ReviewEvidence) => void;
  /** Set while offline. */
  offline: OfflineDecider | null;
  /** A decision on this application this device captured and the server has not applied yet. */
  captured: CapturedDecision | undefined;
  ref?: Ref<DecisionPanelHandle>;
}

export function DecisionPanel({ evidence, onDecided, onChanged, offline, captured, ref }: DecisionPanelProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [flagForm] = Form.useForm<{ note: string }>();
  const refusal = useRefusal(form, REASON_FIELDS);
  const reasonBox = useRef<TextAreaRef>(null);
  const [busy, setBusy] = useState<'approve' | 'reject' | 'flag' | null>(null);
  const application = evidence.application;
  const pending = application.status === 'PENDING';
  // A queued decision waits for the server; deciding again here would race it.
  const waiting = captured !== undefined && captured.state === 'pending';
  const blocked = offline?.blocked ?? null;

  /** Online: the server decides now. Offline: the decision is queued for replay. */
  const send = async (decision: Decision): Promise<IpcError | null> => {
    if (offline !== null) return offline.decide(decision);
    const result = await staffCall('decideReview', { applicationId: application.id, ...decision });
    return result.ok ? null : result.error;
  };

  const approve = async () => {
    if (busy !== null || blocked !== null || waiting) return;
    refusal.clear();
    setBusy('approve');
    const refused = await send({ decision: 'APPROVED' });
    setBusy(null);
    if (refused !== null) return refusal.show(refused);
    onDecided(application.id);
  };

  const reject = async ({ reason }: { reason: string }) => {
    if (blocked !== null || waiting) return;
    refusal.clear();
    setBusy('reject');
    const refused = await send({ decision: 'REJECTED', reason: reason.trim() });
    setBusy(null);
    if (refused !== null) return refusal.show(refused);
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
  if (waiting) {
    return (
      <Space data-testid="decision-waiting" wrap>
        <Tag color="#ad4e00">{t('staff.offline.provisional')}</Tag>
        <Typography.Text strong>{captured.decision === 'APPROVED' ? t('staff.reviews.approve') : t('staff.reviews.reject')}</Typography.Text>
        <Typography.Text>{t('staff.offline.provisionalHelp')}</Typography.Text>
      </Space>
    );
  }
  return (
    <div>
      {refusal.alert}
      {blocked !== null && <Alert type="warning" showIcon title={blocked} style={{ marginBottom: 16 }} />}
      <Space align="start" wrap size="large" style={{ width: '100%' }}>
        <Button type="primary" size="large" loading={busy === 'approve'} disabled={blocked !== null} onClick={() => void approve()}>
          {t('staff.reviews.approve')}
        </Button>
        <Form form={form} layout="inline" onFinish={(values) => void reject(values)} style={{ flex: 1, minWidth: 320 }}>
          <Form.Item name="reason" label={t('staff.reviews.reason')} rules={[{ required: true, whitespace: true, message: t('staff.reviews.reasonRequired') }]} style={{ flex: 1 }}>
            <Input.TextArea ref={reasonBox} maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('staff.reviews.reasonPlaceholder')} />
          </Form.Item>
          <Button danger htmlType="submit" size="large" loading={busy === 'reject'} disabled={blocked !== null}>
            {t('staff.reviews.reject')}
          </Button>
        </Form>
      </Space>
      {/* The repeat-submitter mark is no offline operation: it needs the server. */}
      <Form form={flagForm} layout="inline" onFinish={(values) => void flag(values)} style={{ marginTop: 16 }}>
        <Form.Item name="note" label={t('staff.reviews.flagNote')}>
          <Input maxLength={200} style={{ width: 280 }} disabled={offline !== null} />
        </Form.Item>
        <Button htmlType="submit" loading={busy === 'flag'} disabled={offline !== null}>
          {application.repeatSubmitter ? t('staff.reviews.unflag') : t('staff.reviews.flag')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {offline !== null ? t('staff.offline.needsServer') : t('staff.reviews.flagHelp')}
      </Typography.Paragraph>
    </div>
  );
}
