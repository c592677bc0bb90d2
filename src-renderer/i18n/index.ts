// i18next set up once: the renderer's own strings plus the shared error catalogue as the `errors` namespace.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, catalogues, type Locale } from '../../shared/locales/index.js';
import { ui as enUi } from '../locales/en/ui.js';
import { ui as zhUi } from '../locales/zh-CN/ui.js';

export async function initI18n(locale: Locale = DEFAULT_LOCALE): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    defaultNS: 'ui',
    resources: {
      'zh-CN': { ui: zhUi, errors: catalogues['zh-CN'].errors },
      en: { ui: enUi, errors: catalogues.en.errors },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
