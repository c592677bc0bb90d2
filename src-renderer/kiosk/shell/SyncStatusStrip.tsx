// The kiosk's connectivity strip on every screen (K3): online or offline, how much waits to upload, the last sync, and replay progress.
import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';

export function SyncStatusStrip() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const status = useSyncStatusStore((state) => state.status);
  if (status === null) return null;
  const online = status.connectivity === 'online';
  const connection = online ? t('offline.strip.online') : t('offline.strip.offline');
  return (
    // A live region, polite: a candidate mid-form hears that the network went or came back without losing their place.
    <section aria-label={t('offline.strip.label')} className="no-print" data-testid="sync-strip" data-connectivity={status.connectivity} data-pending={status.pending}>
      <Space wrap size="middle" role="status" aria-live="polite">
        {/* Strong fills with white text: the state is read at a glance and still passes contrast. */}
        <Tag style={{ background: online ? '#237804' : '#a8071a', color: '#fff', border: 'none', fontSize: 14, padding: '2px 10px' }}>{connection}</Tag>
        <Typography.Text>{status.pending > 0 ? t('offline.strip.pending', { count: status.pending }) : t('offline.strip.nothingPending')}</Typography.Text>
        <Typography.Text type="secondary">
          {status.lastSyncAt === null ? t('offline.strip.neverSynced') : t('offline.strip.lastSync', { time: formatInstant(status.lastSyncAt, timeZone) })}
        </Typography.Text>
        {status.replay !== null && status.replay.total > 0 && (
          <Space>
            <Typography.Text>{t('offline.strip.replaying', { done: status.replay.done, total: status.replay.total })}</Typography.Text>
            <Progress
              percent={Math.round((status.replay.done / status.replay.total) * 100)}
              size="small"
              style={{ width: 120, margin: 0 }}
              aria-label={t('offline.strip.replaying', { done: status.replay.done, total: status.replay.total })}
            />
          </Space>
        )}
        {status.blocked !== null && <Typography.Text type="danger">{t('offline.strip.blocked')}</Typography.Text>}
      </Space>
    </section>
  );
}
