// The UI language as the shared catalogues name it.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/locales/index.js';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
