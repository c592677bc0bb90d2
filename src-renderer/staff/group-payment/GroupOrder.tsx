// A group order being paid: the QR code and pay link for the school's payer, its status polled, and 释放 to give the locks back.
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../shared/contracts/http/payment.js';
import { useStaffGroupPayment } from '../../stores/staff-group-payment.js';
import { formatYuan } from '../../ui/format.js';
import { PayQrCode } from '../../ui/PayQrCode.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';

const POLL_MS = 2_000;

export function GroupOrder({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const refusal = useRefusal();
  const [releasing, setReleasing] = useState(false);
  const [released, setReleased] = useState<number | null>(null);
  const patch = useStaffGroupPayment((state) => state.patch);

  useEffect(() => {
    if (order.status !== 'PENDING' || released !== null) return;
    const timer = setTimeout(() => {
      void staffCall('getGroupPayment', { orderId: order.orderId }).then((result) => {
        if (result.ok) patch({ order: result.value });
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [order, patch, released]);

  const release = async () => {
    setReleasing(true);
    const result = await staffCall('releaseGroupPayment', { orderId: order.orderId });
    setReleasing(false);
    if (!result.ok) return refusal.show(result.error);
    setReleased(result.value.released);
  };

  const status = released !== null ? t('staff.group.released', { count: released }) : t('payment.status', { status: t(`payment.statusName.${order.status}`) });
  return (
    <Section title={t('staff.group.orderTitle')}>
      {refusal.alert}
      {order.status === 'FAILED' && released === null && <Alert type="error" showIcon role="alert" title={t('payment.statusName.FAILED')} style={{ marginBottom: 16 }} />}
      <Space align="start" wrap size="large">
        {order.status === 'PENDING' && released === null && <PayQrCode payUrl={order.payUrl} size={220} />}
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('payment.provider')}>{t(`payment.${order.provider}`)}</Descriptions.Item>
          <Descriptions.Item label={t('staff.group.count')}>{order.enrolmentIds.length}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.amount')}>{formatYuan(order.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.order')}>{order.orderId}</Descriptions.Item>
          <Descriptions.Item label={t('payment.payUrl')}>
            <Typography.Link href={order.payUrl} target="_blank" rel="noreferrer" copyable={{ text: order.payUrl }}>
              {order.payUrl}
            </Typography.Link>
          </Descriptions.Item>
        </Descriptions>
      </Space>
      <Typography.Paragraph role="status" aria-live="polite" strong style={{ marginTop: 16, fontSize: 18 }} data-testid="group-order-status">
        {status}
      </Typography.Paragraph>
      <Space wrap>
        {order.status === 'PENDING' && released === null && (
          <Button danger loading={releasing} onClick={() => void release()}>
            {t('staff.group.release')}
          </Button>
        )}
        <Button onClick={() => patch({ order: null })}>{t('staff.group.back')}</Button>
      </Space>
      {order.status === 'PENDING' && released === null && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('staff.group.releaseHelp')}</Typography.Paragraph>}
    </Section>
  );
}
