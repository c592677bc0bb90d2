// 离线登记: what offline capture means for the candidate, then a new passport or an existing one's login (checked at replay).
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';
import { Page } from '../shell/Page.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';

export function OfflineStartScreen() {
  const { t } = useTranslation();
  const begin = (screen: 'offlinePassport' | 'offlineLogin') => {
    // A new capture never continues an earlier candidate's chain.
    useOfflineStore.getState().reset();
    go({ name: screen });
  };
  return (
    <Page title={t('offline.start.title')} width={640}>
      <Alert type="warning" showIcon title={t('offline.start.lead')} style={{ marginBottom: 24 }} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Button type="primary" size="large" block style={{ height: 64, fontSize: 20 }} onClick={() => begin('offlinePassport')}>
          {t('offline.start.newPassport')}
        </Button>
        <div>
          <Button size="large" block style={{ height: 64, fontSize: 20 }} onClick={() => begin('offlineLogin')}>
            {t('offline.start.existingPassport')}
          </Button>
          <Typography.Text type="secondary">{t('offline.start.existingHint')}</Typography.Text>
        </div>
        <Button size="large" onClick={() => go({ name: 'home' })}>
          {t('app.home')}
        </Button>
      </Space>
    </Page>
  );
}
