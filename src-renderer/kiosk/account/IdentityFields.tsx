// 证件类型, 证件号码 and 姓名, checked by the shared A2/A3 rules as they are typed; 军官证 is not offered (A2).
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ID_TYPES, type IdType } from '../../../shared/domain/identity.js';
import { checkName, normalizeName } from '../../../shared/rules/contact.js';
import { checkIdNumber, normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { MaskedIdInput } from '../../privacy/MaskedIdInput.js';
import { ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';

export function IdentityFields({ idTypeExtra }: { idTypeExtra?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item name="idType" label={t('fields.idType')} extra={idTypeExtra} rules={[{ required: true, message: t('app.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('fields.choose')} options={ID_TYPES.map((type) => ({ value: type, label: t(`idType.${type}`) }))} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('fields.idNumber')}
        dependencies={['idType']}
        rules={[
          ({ getFieldValue }) =>
            ruleOf((value) => {
              const idType = getFieldValue('idType') as IdType | undefined;
              return idType === undefined ? null : checkIdNumber(idType, normalizeIdNumber(idType, value));
            }, locale),
          { required: true, message: t('app.required') },
        ]}
      >
        <MaskedIdInput maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('fields.name')} rules={[ruleOf((value) => checkName(normalizeName(value)), locale)]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
    </>
  );
}
