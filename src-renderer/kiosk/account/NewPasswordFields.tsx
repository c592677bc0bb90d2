// A new password typed twice (A1, A5), with the seed's hint and the shared rules' messages.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPassword, checkPasswordConfirmation } from '../../../shared/rules/password.js';
import { dependentRuleOf, ruleOf } from '../../ui/rule-validators.js';
import { useLocale } from '../../ui/use-locale.js';

/** `label` names the first field: 新密码 when resetting, 密码 when registering. */
export function NewPasswordFields({ label = 'fields.newPassword' }: { label?: 'fields.newPassword' | 'fields.password' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item name="password" label={t(label)} rules={[ruleOf(checkPassword, locale)]} required>
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
