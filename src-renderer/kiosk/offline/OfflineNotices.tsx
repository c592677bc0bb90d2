// At the candidate's next login: what became of each operation captured for them at an offline kiosk (K3), as the server's notices say.
import { Alert, List, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode } from '../../../shared/errors/domain-error.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { formatInstant } from '../../ui/format.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { call } from '../shell/call.js';

export function OfflineNotices() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const session = useCandidateStore((state) => state.session);
  const notices = useOfflineStore((state) => state.notices);
  const ready = session?.role === 'candidate' && !session.mobileVerificationRequired;

  useEffect(() => {
    // The server marks notices shown as it answers, so they are fetched once per login and kept in memory.
    if (!ready || notices !== null) return;
    void call('takeNotices', {}).then((result) => {
      if (result.ok) useOfflineStore.getState().patch({ notices: result.value.notices });
    });
  }, [ready, notices]);

  if (notices === null || notices.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('offline.notices.title')}
      description={
        <List
          size="small"
          dataSource={[...notices]}
          renderItem={(notice) => {
            const kind = String(notice.params['kind'] ?? '');
            const reason = String(notice.params['reason'] ?? '');
            const capturedAt = notice.params['capturedAt'];
            const applied = notice.code === 'OFFLINE_OPERATION_APPLIED';
            return (
              <List.Item data-testid="offline-notice" data-code={notice.code}>
                <Typography.Text strong>{i18n.exists(`offline.summary.kind.${kind}`) ? t(`offline.summary.kind.${kind}`) : kind}</Typography.Text>
                {typeof capturedAt === 'string' && <Typography.Text type="secondary">{` ${t('offline.notices.captured', { time: formatInstant(capturedAt, timeZone) })} `}</Typography.Text>}
                <Tag style={{ background: applied ? '#237804' : '#a8071a', color: '#fff', border: 'none' }}>
                  {applied ? t('offline.notices.applied') : t('offline.notices.refused', { reason: isErrorCode(reason) ? refusalMessage({ code: reason }, locale) : reason })}
                </Tag>
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
