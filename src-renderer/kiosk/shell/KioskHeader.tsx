// The kiosk's top bar: title, the connectivity strip (K3), the language switch on every screen (K6) and 退出 once logged in.
import { Button, Layout, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.js';
import { platformBridge } from '../../platform/bridge.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { watchSyncStatus } from '../../stores/sync-status-store.js';
import { SyncStatusStrip } from './SyncStatusStrip.js';
import { useLogout } from './use-logout.js';

export function KioskHeader() {
  const { t } = useTranslation();
  const session = useCandidateStore((state) => state.session);
  const logout = useLogout();
  useEffect(() => watchSyncStatus(platformBridge()), []);
  return (
    <Layout.Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, height: 'auto', padding: '12px 24px' }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {t('app.title')}
      </Typography.Title>
      <SyncStatusStrip />
      <Space>
        <LanguageSwitch />
        {session !== null && (
          <Button size="large" onClick={() => void logout()}>
            {t('app.logout')}
          </Button>
        )}
      </Space>
    </Layout.Header>
  );
}
