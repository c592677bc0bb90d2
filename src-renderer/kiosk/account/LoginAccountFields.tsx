// The 考生登录 form's account fields (考点省份, account, password), shared by the online login and the offline capture's "existing passport" step, which the server checks at replay.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly provinces: readonly { readonly code: string; readonly name: string }[];
  /** The province list is still on its way. */
  readonly loading: boolean;
}

export function LoginAccountFields({ provinces, loading }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('app.required') };
  return (
    <>
      <Form.Item name="provinceCode" label={t('fields.province')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('fields.choose')}
          loading={loading}
          options={provinces.map((province) => ({ value: province.code, label: `(${province.code})${province.name}` }))}
        />
      </Form.Item>
      <Form.Item name="account" label={t('fields.account')} rules={[required]}>
        <Input placeholder={t('login.accountPlaceholder')} maxLength={254} autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('fields.password')} rules={[required]}>
        <Input.Password maxLength={64} autoComplete="off" />
      </Form.Item>
    </>
  );
}
