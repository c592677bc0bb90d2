// While the server is away, every screen of the online flow says so above its content, with the way out to 离线登记 (K3):
// its buttons would only fail, and the candidate should learn why before pressing them, not after.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go, type ScreenName } from '../../stores/flow-store.js';
import { useOffline } from '../../stores/sync-status-store.js';

/** Screens that work without the server: home offers 离线登记 itself, and the offline flow is made for it. */
function worksOffline(screen: ScreenName): boolean {
  return screen === 'home' || screen.startsWith('offline');
}

export function OfflineBanner({ screen }: { screen: ScreenName }) {
  const { t } = useTranslation();
  const offline = useOffline();
  if (!offline || worksOffline(screen)) return null;
  const toOffline = () => {
    // The online session cannot continue offline: the candidate starts the offline capture afresh.
    useCandidateStore.getState().reset();
    go({ name: 'offlineStart' });
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('offline.banner')}
      action={<Button onClick={toOffline}>{t('offline.home.start')}</Button>}
      style={{ maxWidth: 1180, margin: '24px auto 0' }}
    />
  );
}
