// The renderer's root: antd in the current language, then the kiosk flow or the staff workstation.
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { KioskHome } from '../kiosk/KioskHome.js';
import { StaffHome } from '../staff/StaffHome.js';
import type { WindowKind } from './window-kind.js';

// Large touch targets on the kiosk (SPEC K6): one control height for every antd input and button.
const theme = { token: { controlHeight: 44, fontSize: 16 } };

export function App({ windowKind }: { windowKind: WindowKind }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      {windowKind === 'staff' ? <StaffHome /> : <KioskHome />}
    </ConfigProvider>
  );
}
