// 本机操作: this device's queued operations newest first, with their state, the refusal in the reader's language and the cascade,
// and retry (refused) or discard (waiting or refused) where each applies; otherwise the row says why not.
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxOperation } from '../../outbox/index.js';
import { useLocale } from '../../ui/use-locale.js';
import { displayState, kindName, reasonText, seqList, shownKind, summaryText, type DisplayState } from './operation-words.js';

/** Dark fills with white words, readable at a glance and at AA contrast. */
const STATE_COLOURS: Readonly<Record<DisplayState, string>> = {
  pending: '#ad4e00',
  applied: '#237804',
  refused: '#a8071a',
  expired: '#595959',
  discarded: '#595959',
  retried: '#0958d9',
};

interface LocalQueueProps {
  operations: readonly OutboxOperation[];
  /** Seqs a person discarded (from the local audit trail). */
  discarded: ReadonlySet<number>;
  busySeq: number | null;
  onRetry: (operation: OutboxOperation) => void;
  onDiscard: (operation: OutboxOperation) => void;
}

export function LocalQueue({ operations, discarded, busySeq, onRetry, onDiscard }: LocalQueueProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const actions = (operation: OutboxOperation) => {
    if (operation.state === 'pending') {
      if (operation.sent) return null;
      return (
        <Button size="small" danger loading={busySeq === operation.seq} onClick={() => onDiscard(operation)}>
          {t('staff.outbox.discard')}
        </Button>
      );
    }
    if (operation.state !== 'refused' || operation.retriedAs !== undefined || discarded.has(operation.seq)) return null;
    if (!operation.hasPayload) return <Typography.Text type="secondary">{t('staff.outbox.cannotRetry.noPayload')}</Typography.Text>;
    return (
      <Space wrap>
        <Button size="small" type="primary" loading={busySeq === operation.seq} onClick={() => onRetry(operation)}>
          {t('staff.outbox.retry')}
        </Button>
        <Button size="small" danger disabled={busySeq === operation.seq} onClick={() => onDiscard(operation)}>
          {t('staff.outbox.discard')}
        </Button>
      </Space>
    );
  };

  return (
    <Table<OutboxOperation>
      data-testid="local-queue"
      size="middle"
      rowKey="seq"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={[...operations]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.outbox.empty')} /> }}
      onRow={(operation) => ({ 'data-seq': operation.seq, 'data-state': displayState(operation, discarded) }) as React.HTMLAttributes<HTMLTableRowElement>}
      columns={[
        { title: t('staff.outbox.seq'), dataIndex: 'seq', width: 70 },
        {
          title: t('staff.outbox.kind'),
          key: 'kind',
          render: (_value, operation) => (
            <div>
              <div>{kindName(t, shownKind(operation))}</div>
              <Typography.Text type="secondary">{summaryText(t, operation)}</Typography.Text>
            </div>
          ),
        },
        { title: t('staff.outbox.capturedAt'), dataIndex: 'capturedAt', render: (at: string) => new Date(at).toLocaleString(), width: 180 },
        {
          title: t('staff.outbox.status'),
          key: 'status',
          width: 130,
          render: (_value, operation) => {
            const state = displayState(operation, discarded);
            return (
              <Space orientation="vertical" size={2}>
                <Tag color={STATE_COLOURS[state]}>{t(`staff.outbox.state.${state}`)}</Tag>
                {operation.retriedAs !== undefined && <Typography.Text type="secondary">{t('staff.outbox.retried', { seq: operation.retriedAs })}</Typography.Text>}
              </Space>
            );
          },
        },
        {
          title: t('staff.outbox.reason'),
          key: 'reason',
          render: (_value, operation) => (
            <div>
              <div>{reasonText(t, locale, operation)}</div>
              {operation.dependsOn.length > 0 && <Typography.Text type="secondary">{t('staff.outbox.dependsOn', { seqs: seqList(locale, operation.dependsOn) })}</Typography.Text>}
            </div>
          ),
        },
        { title: t('staff.outbox.actions'), key: 'actions', width: 180, render: (_value, operation) => actions(operation) },
      ]}
    />
  );
}
