// 处理记录: the local trail of retry, discard and expiry, each marked reported or waiting for the server, with a send-now
// control that is disabled (and says why) while offline.
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxAction } from '../../outbox/index.js';
import { actionKey, reportable } from './audit-reporting.js';
import { kindName } from './operation-words.js';

export function AuditTrail({ actions, reported, offline, sending, onSend }: { actions: readonly OutboxAction[]; reported: ReadonlySet<string>; offline: boolean; sending: boolean; onSend: () => void }) {
  const { t } = useTranslation();
  const waiting = actions.filter((action) => reportable(action) && !reported.has(actionKey(action))).length;
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('staff.outbox.audit.title')}
      </Typography.Title>
      {waiting > 0 && (
        <Alert
          data-testid="audit-waiting"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('staff.outbox.audit.waitingCount', { count: waiting })}
          action={
            <Space>
              {offline && <Typography.Text>{t('staff.outbox.audit.sendOffline')}</Typography.Text>}
              <Button size="small" disabled={offline} loading={sending} onClick={onSend}>
                {t('staff.outbox.audit.sendNow')}
              </Button>
            </Space>
          }
        />
      )}
      <Table<OutboxAction>
        data-testid="audit-trail"
        size="small"
        rowKey={actionKey}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={[...actions]}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.outbox.audit.empty')} /> }}
        columns={[
          { title: t('staff.outbox.audit.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString(), width: 180 },
          { title: t('staff.outbox.audit.actor'), dataIndex: 'actor', render: (actor: string) => (actor === 'system' ? t('staff.outbox.audit.system') : actor) },
          { title: t('staff.outbox.audit.action'), dataIndex: 'action', render: (action: OutboxAction['action']) => t(`staff.outbox.audit.actionName.${action}`) },
          { title: t('staff.outbox.kind'), key: 'operation', render: (_value, action) => `${action.seq}　${kindName(t, action.kind)}${action.newSeq === undefined ? '' : ` → ${action.newSeq}`}` },
          { title: t('staff.outbox.reason'), dataIndex: 'reason', render: (reason: string | undefined) => reason ?? '' },
          {
            title: t('staff.outbox.audit.reported'),
            key: 'reported',
            width: 120,
            render: (_value, action) =>
              !reportable(action) ? null : reported.has(actionKey(action)) ? <Tag color="#237804">{t('staff.outbox.audit.sent')}</Tag> : <Tag color="#ad4e00">{t('staff.outbox.audit.waiting')}</Tag>,
          },
        ]}
      />
    </div>
  );
}
