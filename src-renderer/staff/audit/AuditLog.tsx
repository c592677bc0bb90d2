// 审计日志 for admins: the server's audit log newest first, filtered by action, actor and dates, with readable names and no personal data in the details.
import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf } from '../../../shared/contracts/http/endpoint.js';
import type { AuditEntry, listAuditLog } from '../../../shared/contracts/http/staff.js';
import { AUDIT_ACTIONS, AUDIT_ACTOR_KINDS, SHOWN_AUDIT_DETAILS, isShownAuditDetail, type AuditActorKind, type AuditDetailValue } from '../../../shared/domain/audit.js';
import { formatYuan } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';

type Query = RequestOf<typeof listAuditLog>;

interface Filters {
  readonly action?: string;
  readonly actorKind?: AuditActorKind;
  readonly actor?: string;
  readonly dates?: readonly [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 50;

/** Coded details the locale files already name: shown by that name, or by the code when it is new. */
const NAMED_CODES: Readonly<Partial<Record<string, string>>> = { provider: 'payment', idType: 'idType', proofKind: 'staff.reviews.proof' };

/** The picked days as the server's half-open range: from the first day's midnight to the midnight after the last. */
function queryOf(filters: Filters): Query {
  const [first, last] = filters.dates ?? [null, null];
  const actor = filters.actor?.trim();
  return {
    limit: PAGE_SIZE,
    ...(filters.action === undefined ? {} : { action: filters.action }),
    ...(filters.actorKind === undefined ? {} : { actorKind: filters.actorKind }),
    ...(actor === undefined || actor === '' ? {} : { actor }),
    ...(first === null ? {} : { from: first.startOf('day').toISOString() }),
    ...(last === null ? {} : { to: last.add(1, 'day').startOf('day').toISOString() }),
  };
}

export function AuditLog() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>(() => queryOf({}));
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal(form, ['action', 'actorKind', 'actor']);

  const load = useCallback(
    async (page: Query, append: boolean) => {
      refusal.clear();
      setBusy(true);
      const result = await staffCall('listAuditLog', page);
      setBusy(false);
      if (!result.ok) return refusal.show(result.error);
      setEntries((shown) => (append ? [...(shown ?? []), ...result.value.entries] : result.value.entries));
      setNextCursor(result.value.nextCursor);
    },
    [refusal.show, refusal.clear],
  );

  useEffect(() => {
    void load(query, false);
  }, [load, query]);

  const actionName = (action: string) => t(`staff.audit.actions.${action}`, { defaultValue: action });
  const detailValue = (key: string, value: AuditDetailValue) => {
    if (value === null) return '—';
    const kind = isShownAuditDetail(key) ? SHOWN_AUDIT_DETAILS[key] : 'code';
    if (kind === 'fen' && typeof value === 'number') return `¥${formatYuan(value)}`;
    if (kind === 'instant' && typeof value === 'string') return new Date(value).toLocaleString();
    if (typeof value === 'boolean') return value ? t('staff.audit.yes') : t('staff.audit.no');
    const names = NAMED_CODES[key];
    return names === undefined ? String(value) : t(`${names}.${String(value)}`, { defaultValue: String(value) });
  };

  return (
    <Section title={t('staff.audit.title')}>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('staff.audit.lead')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        aria-label={t('staff.audit.filters')}
        onFinish={(filters) => setQuery(queryOf(filters))}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="action" label={t('staff.audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('staff.audit.anyAction')}
            style={{ minWidth: 220 }}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionName(action) }))}
          />
        </Form.Item>
        <Form.Item name="actorKind" label={t('staff.audit.actorKind')}>
          <Select allowClear placeholder={t('staff.audit.anyActorKind')} style={{ minWidth: 160 }} options={AUDIT_ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`staff.audit.actorKinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="actor" label={t('staff.audit.actor')}>
          <Input allowClear maxLength={64} placeholder={t('staff.audit.actorPlaceholder')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('staff.audit.dates')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('staff.audit.search')}
          </Button>
        </Form.Item>
      </Form>
      {refusal.alert}
      <Table<AuditEntry>
        data-testid="audit-log"
        rowKey="id"
        size="middle"
        loading={busy && entries === null}
        dataSource={entries === null ? [] : [...entries]}
        pagination={false}
        locale={{ emptyText: t('staff.audit.empty') }}
        columns={[
          { title: t('staff.audit.at'), key: 'at', width: 180, render: (_v, entry) => new Date(entry.at).toLocaleString() },
          {
            title: t('staff.audit.actor'),
            key: 'actor',
            render: (_v, entry) => (
              <Space orientation="vertical" size={0}>
                <span>{entry.actor.name ?? entry.actor.id ?? '—'}</span>
                <Typography.Text type="secondary">{t(`staff.audit.actorKinds.${entry.actor.kind}`)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('staff.audit.action'), key: 'action', width: 180, render: (_v, entry) => <span data-action={entry.action}>{actionName(entry.action)}</span> },
          {
            title: t('staff.audit.target'),
            key: 'target',
            render: (_v, entry) =>
              entry.target === null ? '—' : `${t(`staff.audit.targetKinds.${entry.target.kind}`, { defaultValue: entry.target.kind })} ${entry.target.id}`,
          },
          {
            title: t('staff.audit.details'),
            key: 'details',
            render: (_v, entry) => (
              <Space orientation="vertical" size={0}>
                {Object.entries(entry.details).map(([key, value]) => (
                  <span key={key}>{t('staff.audit.detailLine', { label: t(`staff.audit.detail.${key}`, { defaultValue: key }), value: detailValue(key, value) })}</span>
                ))}
                {entry.withheld.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('staff.audit.withheld', { names: entry.withheld.map((key) => t(`staff.audit.withheldNames.${key}`, { defaultValue: key })).join('、') })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      {entries !== null && entries.length > 0 && (
        <Space style={{ marginTop: 16 }}>
          <Button disabled={nextCursor === null} loading={busy} onClick={() => nextCursor !== null && void load({ ...query, cursor: nextCursor }, true)}>
            {t('staff.audit.more')}
          </Button>
          {nextCursor === null && <Typography.Text type="secondary">{t('staff.audit.allShown', { count: entries.length })}</Typography.Text>}
        </Space>
      )}
    </Section>
  );
}
