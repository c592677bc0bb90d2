// 离线登记完成: every step captured, marked provisional until the replay answers, then confirmed or refused with the reason; 完成并退出 wipes the candidate (K2).
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncStatusStore } from '../../stores/sync-status-store.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { Page } from '../shell/Page.js';
import { useEndOfflineSession } from './end-session.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { useStepOutcomes, type StepOutcome } from './queue.js';

// Strong fills, white text: the mark is read at a glance and passes contrast.
const MARKS = {
  pending: { background: '#873800' },
  applied: { background: '#237804' },
  refused: { background: '#a8071a' },
} as const;

function markOf(outcome: StepOutcome | undefined): keyof typeof MARKS {
  if (outcome === undefined || outcome.state === 'pending') return 'pending';
  return outcome.state === 'applied' ? 'applied' : 'refused';
}

export function OfflineSummaryScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const steps = useOfflineStore((state) => state.steps);
  // Re-read the outcomes whenever the host reports replay progress or a new pending count.
  const tick = useSyncStatusStore((state) => `${state.status?.pending}/${state.status?.replay?.done}/${state.status?.lastSyncAt}`);
  const outcomes = useStepOutcomes(
    steps.map((step) => step.seq),
    tick,
  );
  const end = useEndOfflineSession();
  const settled = steps.length > 0 && steps.every((step) => markOf(outcomes.get(step.seq)) !== 'pending');

  return (
    <Page title={t('offline.summary.title')} width={880}>
      {settled ? (
        <Alert type="info" showIcon title={t('offline.summary.settled')} style={{ marginBottom: 16 }} />
      ) : (
        <Alert type="warning" showIcon title={t('offline.summary.lead')} style={{ marginBottom: 16 }} />
      )}
      <List
        bordered
        dataSource={[...steps]}
        renderItem={(step) => {
          const outcome = outcomes.get(step.seq);
          const mark = markOf(outcome);
          return (
            <List.Item data-testid={`offline-step-${step.kind}`} data-state={mark}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{t(`offline.summary.kind.${step.kind}`)}</Typography.Text>
                  <Tag style={{ ...MARKS[mark], color: '#fff', border: 'none' }}>{t(`offline.summary.status.${mark}`)}</Tag>
                  {mark === 'pending' && <Typography.Text type="secondary">{t('offline.provisional')}</Typography.Text>}
                </Space>
                {step.lines.filter((line) => line !== '').map((line) => (
                  <Typography.Text key={line}>{line}</Typography.Text>
                ))}
                {mark === 'refused' && outcome?.error !== undefined && <Typography.Text type="danger">{refusalMessage(outcome.error, locale)}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
      <Space orientation="vertical" style={{ marginTop: 24 }}>
        <Button type="primary" size="large" onClick={() => void end()}>
          {t('offline.summary.finish')}
        </Button>
        <Typography.Text type="secondary">{t('offline.summary.finishHint')}</Typography.Text>
      </Space>
    </Page>
  );
}
