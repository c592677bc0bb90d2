// The server's record of refused operations from the devices of the teacher's school (every device for an admin): no payloads, only what was refused and why.
import { Alert, Button, Empty, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { StaffEndpoints } from '../shell/staff-api.js';
import { staffCall } from '../shell/staff-api.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { kindName } from './operation-words.js';

type RefusedOperation = ResponseOf<StaffEndpoints['listDeviceOperations']>['items'][number];

export function ServerRefusals({ admin, offline, version }: { admin: boolean; offline: boolean; version: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refusal = useRefusal();
  const { show, clear } = refusal;
  const [rows, setRows] = useState<readonly RefusedOperation[] | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    clear();
    setLoading(true);
    const result = await staffCall('listDeviceOperations', { status: 'refused' });
    setLoading(false);
    if (!result.ok) return show(result.error);
    setRows(result.value.items);
  }, [clear, show]);

  // Again whenever this device's queue moves (a replay may have added refusals) and when the server comes back.
  useEffect(() => {
    if (!offline) void load();
  }, [load, offline, version]);

  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 18, display: 'flex', alignItems: 'center', gap: 12 }}>
        {admin ? t('staff.outbox.server.adminTitle') : t('staff.outbox.server.title')}
        <Button size="small" disabled={offline} loading={loading} onClick={() => void load()}>
          {t('staff.refresh')}
        </Button>
      </Typography.Title>
      {offline && <Alert type="info" showIcon title={t('staff.outbox.server.offline')} style={{ marginBottom: 12 }} />}
      {refusal.alert}
      {rows !== null && (
        <Table<RefusedOperation>
          data-testid="server-refusals"
          size="small"
          rowKey={(row) => `${row.deviceId}/${row.seq}`}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={[...rows]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.outbox.server.empty')} /> }}
          columns={[
            { title: t('staff.outbox.server.device'), key: 'device', render: (_value, row) => `${row.deviceName}（${row.campusCode}）` },
            { title: t('staff.outbox.seq'), dataIndex: 'seq', width: 70 },
            { title: t('staff.outbox.kind'), dataIndex: 'kind', render: (kind: string) => kindName(t, kind) },
            { title: t('staff.outbox.reason'), key: 'reason', render: (_value, row) => (row.error === null ? '' : refusalMessage(row.error, locale)) },
            { title: t('staff.outbox.capturedAt'), dataIndex: 'capturedAt', render: (at: string) => new Date(at).toLocaleString(), width: 180 },
            { title: t('staff.outbox.server.appliedAt'), dataIndex: 'appliedAt', render: (at: string) => new Date(at).toLocaleString(), width: 180 },
          ]}
        />
      )}
    </div>
  );
}
