// 缴费凭证: the paid order and its subjects, printable (print CSS shows only this document).
import { Button, Descriptions, Result, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant, formatYuan } from '../../ui/format.js';
import { call } from '../shell/call.js';
import { Page } from '../shell/Page.js';
import { PrintButton } from './PrintButton.js';

export function ReceiptScreen() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const order = useCandidateStore((state) => state.order);
  const registration = useCandidateStore((state) => state.registration);

  useEffect(() => {
    void call('getMyRegistration', {}).then((result) => {
      if (result.ok) useCandidateStore.getState().patch({ registration: result.value.registration });
    });
  }, []);

  if (order === null) return null;
  const paid = [...(registration?.written.enrolments ?? []), ...(registration?.oral.enrolments ?? [])].filter((enrolment) => order.enrolmentIds.includes(enrolment.id));

  return (
    <Page title={t('receipt.title')}>
      <div className="print-area">
        <Result status="success" title={t('payment.statusName.PAID')} />
        <Descriptions column={1} bordered size="middle">
          {registration !== null && <Descriptions.Item label={t('receipt.candidate')}>{registration.masked.name}</Descriptions.Item>}
          <Descriptions.Item label={t('receipt.order')}>{order.orderId}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.provider')}>{t(`payment.${order.provider}`)}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.paidAt')}>{order.settledAt === null ? '' : formatInstant(order.settledAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.amount')}>{formatYuan(order.amountFen)}</Descriptions.Item>
          {paid.map((enrolment) => (
            <Descriptions.Item key={enrolment.id} label={t('subjects.subject')}>
              {`(${enrolment.subject.code}) ${enrolment.subject.name}　¥${formatYuan(enrolment.feeFen)}`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </div>
      <Space wrap style={{ marginTop: 24 }} className="no-print">
        <PrintButton document="receipt" label={t('receipt.print')} />
        <Button
          size="large"
          onClick={() => {
            useCandidateStore.getState().patch({ order: null });
            go({ name: 'registration' });
          }}
        >
          {t('payment.back')}
        </Button>
      </Space>
    </Page>
  );
}
