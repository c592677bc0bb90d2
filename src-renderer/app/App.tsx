// The renderer's root: antd in the current language around the window's view (the kiosk flow or the staff workstation).
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowKind } from './window-kind.js';

// Each window is a chunk of its own: the kiosk never downloads the teacher workstation, nor the other way round.
const windowViews: Record<WindowKind, () => Promise<ComponentType>> = {
  kiosk: async () => (await import('../kiosk/KioskApp.js')).KioskApp,
  staff: async () => (await import('../staff/StaffHome.js')).StaffHome,
};

/** The window's code, loaded before the first render (main.tsx starts it alongside i18n), so no spinner or empty frame shows first. */
export function loadWindowView(windowKind: WindowKind): Promise<ComponentType> {
  return windowViews[windowKind]();
}

// Large touch targets on the kiosk (SPEC K6): one control height for every antd input and button.
// antd's default blue (also as hovered and pressed text), red, green, orange, its pale secondary
// text and its placeholder grey fall below WCAG AA contrast (4.5:1) as text; a shared kiosk is read
// by everyone, so all are darkened, in both windows.
const theme = {
  token: {
    controlHeight: 44,
    fontSize: 16,
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
  },
};

export function App({ view: View }: { view: ComponentType }) {
  const { i18n } = useTranslation();
  return (
    // antd spaces out two-character Chinese button labels ('中 文'), which screen readers then spell out.
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <View />
    </ConfigProvider>
  );
}
