// The foot of a subject screen: 提交 (disabled with its reason shown when nothing can be submitted) and 返回.
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';

/** `onBack` leaves the screen (报名信息 by default; the offline flow, which has no 报名信息 page yet, names its own step). */
export function SubmitBar({ reason, busy, onSubmit, onBack = () => go({ name: 'registration' }), backLabel }: { reason: string | null; busy: boolean; onSubmit: () => void; onBack?: () => void; backLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button type="primary" size="large" disabled={reason !== null} loading={busy} onClick={onSubmit}>
        {t('subjects.submit')}
      </Button>
      <Button size="large" onClick={onBack}>
        {backLabel ?? t('app.back')}
      </Button>
      {reason !== null && <Typography.Text type="secondary">{reason}</Typography.Text>}
    </Space>
  );
}
