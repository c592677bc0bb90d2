// The kiosk's first screen: the seeds' three entry buttons.
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { Page } from '../shell/Page.js';

export function HomeScreen() {
  const { t } = useTranslation();
  const entries = [
    { key: 'enter', screen: { name: 'login' } as const, primary: true },
    { key: 'register', screen: { name: 'register' } as const, primary: false },
    { key: 'retrieve', screen: { name: 'retrieval' } as const, primary: false },
  ];
  return (
    <Page title={t('kiosk.welcome')} width={560}>
      <Typography.Paragraph>{t('home.entryHint')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {entries.map((entry) => (
          <Button key={entry.key} type={entry.primary ? 'primary' : 'default'} size="large" block style={{ height: 64, fontSize: 20 }} onClick={() => go(entry.screen)}>
            {t(`home.${entry.key}`)}
          </Button>
        ))}
      </Space>
    </Page>
  );
}
