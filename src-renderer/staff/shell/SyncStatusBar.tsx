// The staff header's sync line: online or offline, operations waiting, last sync, replay progress and a blocked-queue warning.
import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutboxStatus } from '../../outbox/index.js';
import { SYNC_SEQUENCE_GAP } from '../../../shared/contracts/sync.js';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';

export function SyncStatusBar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useSyncStatusStore((state) => state.status);
  // What waits for a person in the 设备队列 tab: refusals and operations voided after waiting too long.
  const refused = useOutboxStatus((state) => state.refused);
  const expired = useOutboxStatus((state) => state.expired);
  // The host knows a gap the server reported; the outbox knows what it refuses to push itself (e.g. a re-enrolled device with old work).
  const outboxBlocked = useOutboxStatus((state) => state.blocked);
  if (status === null) return null;
  const blocked = status.blocked ?? outboxBlocked;
  const online = status.connectivity === 'online';
  return (
    <Space wrap role="status" aria-live="polite" aria-label={t('staff.sync.label')} data-testid="sync-status" data-connectivity={status.connectivity} data-pending={status.pending} size="small">
      {/* Dark tag colours: the words must stay readable (WCAG AA) on the tinted background. */}
      <Tag color={online ? '#237804' : '#a8071a'}>{online ? t('staff.sync.online') : t('staff.sync.offline')}</Tag>
      {status.pending > 0 && <Tag color="#ad4e00">{t('staff.sync.pending', { count: status.pending })}</Tag>}
      {refused > 0 && <Tag color="#a8071a">{t('staff.sync.refused', { count: refused })}</Tag>}
      {expired > 0 && <Tag color="#595959">{t('staff.sync.expired', { count: expired })}</Tag>}
      {status.replay !== null && (
        <Space size={4}>
          <Typography.Text>{t('staff.sync.replay', { done: status.replay.done, total: status.replay.total })}</Typography.Text>
          <Progress size="small" style={{ width: 80 }} percent={status.replay.total === 0 ? 0 : Math.round((100 * status.replay.done) / status.replay.total)} showInfo={false} aria-hidden />
        </Space>
      )}
      <Typography.Text type="secondary">{status.lastSyncAt === null ? t('staff.sync.never') : t('staff.sync.lastSync', { at: new Date(status.lastSyncAt).toLocaleString() })}</Typography.Text>
      {blocked !== null && (
        <Typography.Text type="danger" strong data-testid="sync-blocked">
          {blocked.code !== SYNC_SEQUENCE_GAP ? refusalMessage({ code: blocked.code }, locale) : blocked.expectedSeq === undefined ? t('staff.sync.blocked') : t('staff.sync.blockedAt', { seq: blocked.expectedSeq })}
        </Typography.Text>
      )}
    </Space>
  );
}
