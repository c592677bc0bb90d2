// An existing passport offline (A4 without the captcha, which needs the server): 考点省份, 账号 and 密码, checked by the server at replay.
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { candidateRef } from '../../../shared/contracts/operations.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Page } from '../shell/Page.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { useCachedCatalogue } from './queue.js';

interface LoginValues {
  provinceCode: string;
  account: string;
  password: string;
}

export function OfflineLoginScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const refusal = useRefusal(form, ['provinceCode', 'account', 'password']);
  const catalogue = useCachedCatalogue();
  const provinces = catalogue?.provinces ?? [];

  const submit = (values: LoginValues) => {
    const parsed = candidateRef.safeParse({ by: 'credentials', provinceCode: values.provinceCode, account: values.account.trim(), password: values.password });
    if (!parsed.success) return refusal.show({ code: 'VALIDATION_FAILED', field: String(parsed.error.issues[0]?.path[0] ?? '') });
    useOfflineStore.getState().patch({ candidate: parsed.data });
    go({ name: 'offlineRegistration' });
  };

  const required = { required: true, message: t('app.required') };
  const noProvinces = catalogue !== null && provinces.length === 0;
  return (
    <Page title={t('offline.login.title')} width={600}>
      <Alert type="info" showIcon title={t('offline.login.lead')} style={{ marginBottom: 16 }} />
      {noProvinces && <Alert type="error" showIcon role="alert" title={t('offline.login.noProvinces')} style={{ marginBottom: 16 }} />}
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="provinceCode" label={t('fields.province')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('fields.choose')}
            loading={catalogue === null}
            options={provinces.map((province) => ({ value: province.code, label: `(${province.code})${province.name}` }))}
          />
        </Form.Item>
        <Form.Item name="account" label={t('fields.account')} rules={[required]}>
          <Input placeholder={t('login.accountPlaceholder')} maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[required]}>
          <Input.Password maxLength={64} autoComplete="off" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" disabled={provinces.length === 0}>
            {t('offline.login.next')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'offlineStart' })}>
            {t('app.back')}
          </Button>
        </Space>
      </Form>
    </Page>
  );
}
