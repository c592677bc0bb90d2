// 笔试/口试报考科目信息: each enrolment with 支付状态, 编排状态, 科目报考方式, and 取消 for unpaid ones (R8) or why not.
import { Button, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../shared/contracts/http/enrolment.js';
import type { z } from 'zod';
import type { enrolmentGroup } from '../../../shared/contracts/http/registration.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { codeName, formatInstant, formatYuan } from '../../ui/format.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';

function cancelReason(enrolment: EnrolmentView): string {
  if (enrolment.paymentStatus === 'PAID') return 'registration.paidCannotCancel';
  if (enrolment.groupPaymentLock) return 'registration.lockedByGroup';
  return 'registration.notCancellable';
}

export function EnrolmentTable({ title, group, empty, onCancel }: { title: string; group: z.infer<typeof enrolmentGroup>; empty: string; onCancel: (enrolment: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  // 取消 is the server's to do (R8); while it is away each row's button waits with the reason beside it.
  const offline = useNeedsServer() !== null;
  return (
    <section aria-label={title} style={{ marginTop: 24 }}>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      {group.enrolments.length > 0 && (
        <Typography.Paragraph>
          {t('registration.paymentSummary', { status: t(`registration.summary.${group.paymentSummary}`) })}
          {'　'}
          {t('registration.unpaid', { amount: formatYuan(group.unpaidFen) })}
        </Typography.Paragraph>
      )}
      <Table<EnrolmentView>
        rowKey="id"
        dataSource={group.enrolments}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
        columns={[
          { title: '#', key: 'index', render: (_value, _row, index) => index + 1 },
          { title: t('subjects.subject'), key: 'subject', render: (_value, row) => `(${row.subject.code}) ${row.subject.name}` },
          { title: t('subjects.fee'), key: 'fee', render: (_value, row) => formatYuan(row.feeFen) },
          { title: t('enrolment.paymentStatus'), key: 'payment', render: (_value, row) => t(`enrolment.payment.${row.paymentStatus}`) },
          { title: t('enrolment.arrangementStatus'), key: 'arrangement', render: (_value, row) => t(`enrolment.arrangement.${row.arrangementStatus}`) },
          { title: t('enrolment.method'), key: 'method', render: (_value, row) => t(`enrolment.methodName.${row.method}`) },
          { title: t('subjects.school'), key: 'school', render: (_value, row) => codeName(row.school) },
          { title: t('subjects.campus'), key: 'campus', render: (_value, row) => codeName(row.campus) },
          {
            title: t('enrolment.actions'),
            key: 'actions',
            render: (_value, row) =>
              row.cancellable ? (
                <>
                  <Popconfirm
                    title={t('registration.cancelConfirm', { subject: row.subject.name })}
                    okText={t('payment.ok')}
                    cancelText={t('payment.cancel')}
                    onConfirm={() => onCancel(row)}
                    disabled={offline}
                  >
                    <Button danger disabled={offline}>
                      {t('registration.cancel')}
                    </Button>
                  </Popconfirm>
                  <NeedsServerNote block />
                  {row.expiresAt !== null && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {t('registration.expiresAt', { at: formatInstant(row.expiresAt, timeZone) })}
                    </Typography.Paragraph>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">{t(cancelReason(row))}</Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}
