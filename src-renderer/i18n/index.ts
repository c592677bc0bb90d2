// i18next set up once: the renderer's own strings plus the shared error catalogue as the `errors` namespace.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, catalogues, type Locale } from '../../shared/locales/index.js';
import { offline as enOffline } from '../locales/en/offline.js';
import { ui as enUi } from '../locales/en/ui.js';
import { offline as zhOffline } from '../locales/zh-CN/offline.js';
import { ui as zhUi } from '../locales/zh-CN/ui.js';

export async function initI18n(locale: Locale = DEFAULT_LOCALE): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    defaultNS: 'ui',
    resources: {
      // The offline capture's strings (K3) live in a file of their own, under `offline.` like the staff window's under `staff.`.
      'zh-CN': { ui: { ...zhUi, offline: zhOffline }, errors: catalogues['zh-CN'].errors },
      en: { ui: { ...enUi, offline: enOffline }, errors: catalogues.en.errors },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
