// The kiosk's first screen: the progress steps and a welcome.
import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { ProgressBar } from '../app/ProgressBar.js';

export function KioskHome() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: 'transparent', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('app.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <ProgressBar current="register" />
        <Typography.Title level={2}>{t('kiosk.welcome')}</Typography.Title>
      </Layout.Content>
    </Layout>
  );
}
