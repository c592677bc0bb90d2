// A3's acceptance of 《用户服务协议》《用户隐私政策》: the checkbox (required) and the two documents, for online and offline registration.
import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgreementLinks } from './AgreementLinks.js';

export function PassportAgreementField() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="agreementAccepted"
        valuePropName="checked"
        rules={[{ validator: async (_rule, value) => { if (value !== true) throw new Error(t('register.agreementRequired')); } }]}
      >
        <Checkbox>{t('register.agreementPrefix')}</Checkbox>
      </Form.Item>
      <div style={{ marginTop: -16, marginBottom: 16 }}>
        <AgreementLinks />
      </div>
    </>
  );
}
