// 支付 (R9): pick unpaid subjects, confirm twice as the seed does, choose 支付宝 or 首信易支付, then pay by QR code on a phone.
import { Button, Checkbox, List, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_PROVIDERS, type PaymentProviderName } from '../../../shared/contracts/http/payment.js';
import { payableEnrolments, totalFen } from '../../../shared/rules/payment.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { formatYuan } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { OrderQr } from './OrderQr.js';

type Stage = 'select' | 'confirm' | 'confirmAgain' | 'provider' | 'providerConfirm';

export function PaymentScreen() {
  const { t } = useTranslation();
  const registration = useCandidateStore((state) => state.registration);
  const order = useCandidateStore((state) => state.order);
  const payable = payableEnrolments(registration === null ? [] : [...registration.written.enrolments, ...registration.oral.enrolments]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(payable.map((enrolment) => enrolment.id)));
  const [stage, setStage] = useState<Stage>('select');
  const [provider, setProvider] = useState<PaymentProviderName>('ALIPAY');
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();
  const needsServer = useNeedsServer();

  if (order !== null) return <OrderQr order={order} />;

  const selected = payable.filter((enrolment) => chosen.has(enrolment.id));
  const amount = formatYuan(totalFen(selected));

  const pay = async () => {
    setBusy(true);
    const result = await call('createOrder', { enrolmentIds: selected.map((enrolment) => enrolment.id), provider });
    setBusy(false);
    setStage('select');
    if (!result.ok) return refusal.show(result.error);
    useCandidateStore.getState().patch({ order: result.value });
  };

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(chosen);
    if (checked) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  // The order is the server's (R9): offline 支付 waits, and a confirmation already open cannot send it either (below).
  const reason = needsServer ?? (selected.length === 0 ? t('subjects.selectFirst') : null);
  return (
    <Page title={t('payment.title')}>
      {refusal.alert}
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('payment.select')}
      </Typography.Title>
      <List
        bordered
        dataSource={payable}
        renderItem={(enrolment) => (
          <List.Item>
            <Checkbox checked={chosen.has(enrolment.id)} onChange={(event) => toggle(enrolment.id, event.target.checked)}>
              {`(${enrolment.subject.code}) ${enrolment.subject.name}　¥${formatYuan(enrolment.feeFen)}`}
            </Checkbox>
          </List.Item>
        )}
      />
      <Typography.Paragraph strong style={{ marginTop: 16, fontSize: 18 }}>
        {t('payment.total', { amount })}
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" size="large" disabled={reason !== null} onClick={() => setStage('confirm')}>
          {t('registration.pay')}
        </Button>
        <Button size="large" onClick={() => go({ name: 'registration' })}>
          {t('payment.back')}
        </Button>
        {reason !== null && <Typography.Text type="secondary">{reason}</Typography.Text>}
      </Space>

      <Modal open={stage === 'confirm'} title={t('payment.confirmTitle')} okText={t('payment.goPay')} cancelText={t('payment.cancel')} onOk={() => setStage('confirmAgain')} onCancel={() => setStage('select')}>
        <Typography.Paragraph>{t('payment.confirmLead')}</Typography.Paragraph>
        <ul>
          {selected.map((enrolment) => (
            <li key={enrolment.id}>{`(${enrolment.subject.code}) ${enrolment.subject.name}　¥${formatYuan(enrolment.feeFen)}`}</li>
          ))}
        </ul>
        <Typography.Paragraph strong>{t('payment.total', { amount })}</Typography.Paragraph>
      </Modal>
      <Modal open={stage === 'confirmAgain'} title={t('payment.confirmTitle')} okText={t('payment.ok')} cancelText={t('payment.cancel')} onOk={() => setStage('provider')} onCancel={() => setStage('select')}>
        {t('payment.confirmAgain', { amount })}
      </Modal>
      <Modal open={stage === 'provider'} title={t('payment.provider')} okText={t('payment.ok')} cancelText={t('payment.cancel')} onOk={() => setStage('providerConfirm')} onCancel={() => setStage('select')}>
        <Radio.Group value={provider} onChange={(event) => setProvider(event.target.value as PaymentProviderName)} aria-label={t('payment.provider')}>
          <Space orientation="vertical">
            {PAYMENT_PROVIDERS.map((name) => (
              <Radio key={name} value={name} style={{ fontSize: 18 }}>
                {t(`payment.${name}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
      <Modal
        open={stage === 'providerConfirm'}
        title={t('payment.confirmTitle')}
        okText={t('payment.ok')}
        cancelText={t('payment.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: needsServer !== null }}
        onOk={() => void pay()}
        onCancel={() => setStage('select')}
      >
        {t('payment.providerConfirm', { provider: t(`payment.${provider}`), amount })}
        <NeedsServerNote block />
      </Modal>
    </Page>
  );
}
