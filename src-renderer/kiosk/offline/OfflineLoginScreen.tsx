// An existing passport offline (A4 without the captcha, which needs the server): 考点省份, 账号 and 密码, checked by the server at replay.
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { candidateRef } from '../../../shared/contracts/operations.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { LoginAccountFields } from '../account/LoginAccountFields.js';
import { Page } from '../shell/Page.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { OfflineFormActions } from './OfflineFormActions.js';
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

  const noProvinces = catalogue !== null && provinces.length === 0;
  return (
    <Page title={t('offline.login.title')} width={600}>
      <Alert type="info" showIcon title={t('offline.login.lead')} style={{ marginBottom: 16 }} />
      {noProvinces && <Alert type="error" showIcon role="alert" title={t('offline.login.noProvinces')} style={{ marginBottom: 16 }} />}
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={submit}>
        <LoginAccountFields provinces={provinces} loading={catalogue === null} />
        <OfflineFormActions nextLabel={t('offline.login.next')} disabled={provinces.length === 0} />
      </Form>
    </Page>
  );
}
