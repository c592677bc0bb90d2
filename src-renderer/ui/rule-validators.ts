// antd form rules that call the shared rules, so the candidate sees the rule's own message before submitting.
import type { RuleObject } from 'antd/es/form';
import type { DomainError } from '../../shared/errors/domain-error.js';
import type { Locale } from '../../shared/locales/index.js';
import { refusalMessage } from './refusal-message.js';

export function ruleOf(check: (value: string) => DomainError | null, locale: Locale): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      const error = check(typeof value === 'string' ? value : '');
      if (error !== null) throw new Error(refusalMessage(error, locale));
    },
  };
}

/** A rule that needs other fields of the form, e.g. the password confirmation. */
export function dependentRuleOf(
  check: (value: string, get: (name: string) => string) => DomainError | null,
  locale: Locale,
): (form: { getFieldValue: (name: string) => unknown }) => RuleObject {
  return (form) => ruleOf((value) => check(value, (name) => String(form.getFieldValue(name) ?? '')), locale);
}
