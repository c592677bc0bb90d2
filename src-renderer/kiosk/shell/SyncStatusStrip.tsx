// The kiosk's connectivity strip on every screen (K3): online or offline, how much waits to upload, the last sync, replay progress,
// and what the queue could not deliver (refused, expired). The host's syncStatusChanged says what waits and how the replay goes;
// the page's outbox adds what it could not deliver and a block it found itself.
import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutboxStatus } from '../../outbox/index.js';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';

export function SyncStatusStrip() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const status = useSyncStatusStore((state) => state.status);
  const outbox = useOutboxStatus();
  if (status === null) return null;
  const online = status.connectivity === 'online';
  // The host's count: every window of the kiosk reports to it, so it stays right when another window's pump sends the queue.
  const pending = status.pending;
  const connection = online ? t('offline.strip.online') : t('offline.strip.offline');
  return (
    // A live region, polite: a candidate mid-form hears that the network went or came back without losing their place.
    <section aria-label={t('offline.strip.label')} className="no-print" data-testid="sync-strip" data-connectivity={status.connectivity} data-pending={pending}>
      <Space wrap size="middle" role="status" aria-live="polite">
        {/* Strong fills with white text: the state is read at a glance and still passes contrast. */}
        <Tag style={{ background: online ? '#237804' : '#a8071a', color: '#fff', border: 'none', fontSize: 14, padding: '2px 10px' }}>{connection}</Tag>
        <Typography.Text>{pending > 0 ? t('offline.strip.pending', { count: pending }) : t('offline.strip.nothingPending')}</Typography.Text>
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
        {outbox.refused > 0 && <Typography.Text type="danger">{t('offline.strip.refused', { count: outbox.refused })}</Typography.Text>}
        {outbox.expired > 0 && <Typography.Text type="danger">{t('offline.strip.expired', { count: outbox.expired })}</Typography.Text>}
        {(outbox.blocked ?? status.blocked) !== null && <Typography.Text type="danger">{t('offline.strip.blocked')}</Typography.Text>}
      </Space>
    </section>
  );
}
