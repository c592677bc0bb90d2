// The staff window's first screen (teacher workstation).
import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch.js';

export function StaffHome() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: 'transparent', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('app.staffTitle')}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Typography.Paragraph>{t('staff.welcome')}</Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}
