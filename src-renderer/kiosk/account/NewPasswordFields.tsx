// A new password typed twice (A1, A5), with the seed's hint and the shared rules' messages.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPassword, checkPasswordConfirmation } from '../../../shared/rules/password.js';
import { dependentRuleOf, ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';

export function NewPasswordFields() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item name="password" label={t('fields.newPassword')} rules={[ruleOf(checkPassword, locale)]} required>
        <Input.Password maxLength={64} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirmation"
        label={t('fields.passwordConfirmation')}
        extra={t('register.passwordHint')}
        dependencies={['password']}
        rules={[dependentRuleOf((value, get) => checkPasswordConfirmation(get('password'), value), locale)]}
        required
      >
        <Input.Password maxLength={64} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
