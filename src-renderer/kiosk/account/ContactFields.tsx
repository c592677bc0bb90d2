// 邮箱 and 手机号 of the A3 form, checked by the shared contact rules as they are typed; online and offline registration share them.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkEmail, checkMobile, normalizeEmail, normalizeMobile } from '../../../shared/rules/contact.js';
import { ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';

export function ContactFields() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item name="email" label={t('fields.email')} rules={[ruleOf((value) => checkEmail(normalizeEmail(value)), locale)]} required>
        <Input type="email" maxLength={254} autoComplete="off" />
      </Form.Item>
      <Form.Item name="mobile" label={t('fields.mobile')} extra={t('register.contactHint')} rules={[ruleOf((value) => checkMobile(normalizeMobile(value)), locale)]} required>
        <Input inputMode="numeric" maxLength={20} autoComplete="off" />
      </Form.Item>
    </>
  );
}
