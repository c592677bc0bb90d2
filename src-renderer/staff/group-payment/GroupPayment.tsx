// 集体缴费 (R8, R9): pick the school's unpaid enrolments and pay for them as the school; the order locks them until it is paid or released.
import { Alert, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import { PAYMENT_PROVIDERS, type listGroupPayable, type PaymentProviderName } from '../../../shared/contracts/http/payment.js';
import { useStaffGroupPayment } from '../../stores/staff-group-payment.js';
import { formatYuan } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { CampusSelect } from '../shell/CampusSelect.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';
import { GroupOrder } from './GroupOrder.js';

type Payable = ResponseOf<typeof listGroupPayable>['items'][number];

const NO_FIELDS: readonly string[] = [];

export function GroupPayment() {
  const { t } = useTranslation();
  const order = useStaffGroupPayment((state) => state.order);
  const [campusCode, setCampusCode] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<readonly Payable[] | null>(null);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [provider, setProvider] = useState<PaymentProviderName>('ALIPAY');
  const [busy, setBusy] = useState(false);
  const { alert, show, clear } = useRefusal(undefined, NO_FIELDS);

  const load = useCallback(async () => {
    clear();
    const result = await staffCall('listGroupPayable', { ...(campusCode === undefined ? {} : { campusCode }), limit: 200 });
    if (!result.ok) return show(result.error);
    setItems(result.value.items);
    setChosen([]);
  }, [campusCode, clear, show]);

  useEffect(() => {
    if (order === null) void load();
  }, [load, order]);

  if (order !== null) return <GroupOrder order={order} />;

  const selected = (items ?? []).filter((item) => chosen.includes(item.enrolmentId));
  const total = formatYuan(selected.reduce((sum, item) => sum + item.feeFen, 0));
  const pay = async () => {
    clear();
    setBusy(true);
    const result = await staffCall('createGroupPayment', { enrolmentIds: [...chosen], provider });
    setBusy(false);
    if (!result.ok) return show(result.error);
    useStaffGroupPayment.getState().patch({ order: result.value });
  };

  return (
    <Section
      title={t('staff.group.title')}
      extra={
        <Space wrap>
          <label htmlFor="group-campus">{t('staff.campus')}</label>
          <CampusSelect id="group-campus" value={campusCode} onChange={setCampusCode} />
          <Button onClick={() => setCampusCode(undefined)} disabled={campusCode === undefined}>
            {t('staff.group.allCampuses')}
          </Button>
          <Button onClick={() => void load()}>{t('staff.refresh')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('staff.group.lead')}</Typography.Paragraph>
      {alert}
      <Table<Payable>
        data-testid="group-payable"
        rowKey="enrolmentId"
        loading={items === null}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={items === null ? [] : [...items]}
        rowSelection={{
          selectedRowKeys: [...chosen],
          onChange: (keys) => setChosen(keys.map(String)),
          getCheckboxProps: (item) => ({ disabled: item.groupPaymentLock, 'aria-label': t('staff.group.choose', { name: item.name, subject: item.subject.name }) }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('staff.reviews.studentNumber'), dataIndex: 'studentNumber' },
          { title: t('subjects.subject'), key: 'subject', render: (_v, item) => `(${item.subject.code})${item.subject.name}` },
          { title: t('subjects.campus'), key: 'campus', render: (_v, item) => item.campus.name },
          { title: t('subjects.fee'), key: 'fee', align: 'right', render: (_v, item) => formatYuan(item.feeFen) },
          { title: t('staff.group.addedAt'), key: 'at', render: (_v, item) => new Date(item.createdAt).toLocaleString() },
          { title: t('staff.group.lock'), key: 'lock', render: (_v, item) => (item.groupPaymentLock ? <Tag color="#ad4e00">{t('staff.group.locked')}</Tag> : null) },
        ]}
      />
      <Space orientation="vertical" style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('staff.group.selected', { count: selected.length, amount: total })}</Typography.Text>
        <Radio.Group value={provider} onChange={(event) => setProvider(event.target.value as PaymentProviderName)} aria-label={t('payment.provider')}>
          {PAYMENT_PROVIDERS.map((name) => (
            <Radio key={name} value={name}>
              {t(`payment.${name}`)}
            </Radio>
          ))}
        </Radio.Group>
        <Space wrap>
          <Button type="primary" size="large" loading={busy} disabled={selected.length === 0} onClick={() => void pay()}>
            {t('staff.group.pay')}
          </Button>
          {selected.length === 0 && <Typography.Text type="secondary">{t('staff.group.selectFirst')}</Typography.Text>}
        </Space>
        {items !== null && items.some((item) => item.groupPaymentLock) && <Alert type="info" showIcon title={t('staff.group.lockedHelp')} />}
      </Space>
    </Section>
  );
}
