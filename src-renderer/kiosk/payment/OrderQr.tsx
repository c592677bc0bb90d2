// The order's QR code for paying on a phone, with its status polled live and 更新 asking the provider directly.
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../shared/contracts/http/payment.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { formatYuan } from '../../ui/format.js';
import { PayQrCode } from '../../ui/PayQrCode.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

const POLL_MS = 2_000;

export function OrderQr({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const refusal = useRefusal();
  // 更新 asks the provider through the server; offline it waits (the 2-second poll keeps trying and catches up once it answers).
  const offline = useNeedsServer() !== null;

  useEffect(() => {
    if (order.status !== 'PENDING') return;
    const timer = setTimeout(() => {
      void call('getOrder', { orderId: order.orderId }).then((result) => {
        if (result.ok) useCandidateStore.getState().patch({ order: result.value });
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [order]);

  useEffect(() => {
    if (order.status === 'PAID') go({ name: 'receipt' });
  }, [order.status]);

  const refresh = async () => {
    const result = await call('refreshOrder', { orderId: order.orderId });
    if (result.ok) useCandidateStore.getState().patch({ order: result.value });
    else refusal.show(result.error);
  };

  const leave = () => {
    useCandidateStore.getState().patch({ order: null });
    go({ name: 'registration' });
  };

  return (
    <Page title={t('payment.title')} width={640}>
      {refusal.alert}
      {order.status === 'FAILED' && <Alert type="error" showIcon role="alert" title={t('payment.statusName.FAILED')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph style={{ fontSize: 18 }}>{t('payment.scan')}</Typography.Paragraph>
      <PayQrCode payUrl={order.payUrl} size={260} />
      <Descriptions column={1} bordered size="middle" style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('payment.provider')}>{t(`payment.${order.provider}`)}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.amount')}>{formatYuan(order.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.order')}>{order.orderId}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph role="status" aria-live="polite" strong style={{ marginTop: 16, fontSize: 18 }}>
        {t('payment.status', { status: t(`payment.statusName.${order.status}`) })}
      </Typography.Paragraph>
      <Space wrap>
        <Button size="large" disabled={offline} onClick={() => void refresh()}>
          {t('payment.refresh')}
        </Button>
        <Button size="large" onClick={leave}>
          {t('payment.back')}
        </Button>
        <NeedsServerNote />
      </Space>
    </Page>
  );
}
