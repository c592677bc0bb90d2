// Says the seats shown offline are the cache's, as of when, and that a seat is only taken at replay (R7).
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';

export function StaleSeatsNotice({ refreshedAt }: { refreshedAt: string | null }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const text = refreshedAt === null ? t('offline.subjects.staleUnknown') : t('offline.subjects.stale', { time: formatInstant(refreshedAt, timeZone) });
  return <Alert type="warning" showIcon title={`${text} ${t('offline.subjects.qualificationLater')}`} style={{ marginBottom: 16 }} />;
}
