// 放弃: a queued operation is given up only with a reason and a confirmation, since its dependants are refused with it and nothing undoes it.
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxOperation } from '../../outbox/index.js';
import { kindName } from './operation-words.js';

export function DiscardDialog({ operation, busy, onConfirm, onCancel }: { operation: OutboxOperation | null; busy: boolean; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={operation !== null}
      title={operation === null ? '' : t('staff.outbox.discardTitle', { seq: operation.seq, kind: kindName(t, operation.kind) })}
      okText={t('staff.outbox.discardConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('staff.outbox.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onCancel();
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('staff.outbox.discardWarning')} style={{ marginBottom: 16 }} />
      {/* The form outlives the dialog's content: clear it, so the next operation's reason starts empty. */}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) => {
          form.resetFields();
          onConfirm(reason.trim());
        }}
      >
        <Form.Item name="reason" label={t('staff.outbox.discardReason')} rules={[{ required: true, whitespace: true, message: t('staff.outbox.discardReasonRequired') }]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
