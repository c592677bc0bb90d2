// The kiosk's first screen: the seeds' three entry buttons; while the server cannot be reached, 离线登记 instead, and the entries that need the server disabled with the reason.
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { useOffline } from '../../stores/sync-status-store.js';
import { NeedsServerNote } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

export function HomeScreen() {
  const { t } = useTranslation();
  const offline = useOffline();
  const entries = [
    { key: 'enter', screen: { name: 'login' } as const, primary: !offline },
    { key: 'register', screen: { name: 'register' } as const, primary: false },
    { key: 'retrieve', screen: { name: 'retrieval' } as const, primary: false },
  ];
  return (
    <Page title={t('kiosk.welcome')} width={560}>
      {offline && <Alert type="warning" showIcon title={t('offline.home.offlineLead')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>{t('home.entryHint')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {offline && (
          <Button type="primary" size="large" block style={{ height: 64, fontSize: 20 }} onClick={() => go({ name: 'offlineStart' })}>
            {t('offline.home.start')}
          </Button>
        )}
        {entries.map((entry) => (
          <div key={entry.key}>
            <Button type={entry.primary ? 'primary' : 'default'} size="large" block disabled={offline} style={{ height: 64, fontSize: 20 }} onClick={() => go(entry.screen)}>
              {t(`home.${entry.key}`)}
            </Button>
            <NeedsServerNote />
          </div>
        ))}
      </Space>
    </Page>
  );
}
