// The evidence side by side (K4): the candidate's data against the CET4 record the ticket points to, differing fields marked in words and colour.
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewEvidence } from '../../../shared/contracts/http/review.js';
import { codeName } from '../../ui/format.js';

interface Row {
  readonly key: string;
  readonly field: string;
  readonly candidate: string;
  readonly record: string;
  /** Null when the two sides are not compared on this row. */
  readonly same: boolean | null;
}

export function EvidenceTable({ evidence }: { evidence: ReviewEvidence }) {
  const { t } = useTranslation();
  const { application, candidate, cet4Record: record, matches } = evidence;
  const none = t('staff.reviews.noValue');
  const rows: Row[] = [
    { key: 'name', field: t('fields.name'), candidate: candidate.name, record: record?.name ?? none, same: record === null ? null : matches.name },
    { key: 'idNumber', field: t('fields.idNumber'), candidate: `${t(`idType.${candidate.idType}`)} ${candidate.idNumber}`, record: record?.idNumber ?? none, same: record === null ? null : matches.idNumber },
    { key: 'ticket', field: t('staff.reviews.ticket'), candidate: application.ticketNumber ?? none, record: record?.ticketNumber ?? none, same: null },
    { key: 'score', field: t('staff.reviews.score'), candidate: '', record: record === null ? none : String(record.score), same: null },
    { key: 'year', field: t('staff.reviews.examYear'), candidate: '', record: record === null ? none : String(record.examYear), same: null },
    { key: 'school', field: t('subjects.school'), candidate: codeName(candidate.school), record: '', same: null },
    { key: 'campus', field: t('subjects.campus'), candidate: codeName(candidate.campus), record: '', same: null },
    { key: 'studentNumber', field: t('staff.reviews.studentNumber'), candidate: candidate.studentNumber, record: '', same: null },
  ];
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
        {t('staff.reviews.evidenceTitle', { name: application.name })}
      </Typography.Title>
      {candidate.restrictedFromCet6 && (
        <Typography.Paragraph type="danger" strong>
          {t('staff.reviews.restricted')}
        </Typography.Paragraph>
      )}
      <Table<Row>
        data-testid="evidence"
        size="middle"
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (row.same === false ? 'evidence-differs' : '')}
        onRow={(row) => ({ 'data-differs': row.same === false ? 'true' : undefined, style: row.same === false ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('staff.reviews.field'), dataIndex: 'field', width: 140 },
          { title: t('staff.reviews.candidateSide'), dataIndex: 'candidate' },
          { title: t('staff.reviews.recordSide'), dataIndex: 'record' },
          {
            title: t('staff.reviews.compare'),
            key: 'same',
            width: 110,
            render: (_value, row) => (row.same === null ? null : row.same ? <Tag color="#237804">{t('staff.reviews.same')}</Tag> : <Tag color="#a8071a">{t('staff.reviews.differs')}</Tag>),
          },
        ]}
      />
      <Descriptions size="small" column={2} bordered style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('review.status')}>{t(`review.statusName.${application.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('review.submissions')}>
          {application.submissionCount}
          {application.repeatSubmitter && <Tag color="#ad4e00" style={{ marginLeft: 8 }}>{t('staff.reviews.repeat')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('staff.reviews.filedBy')}>{t(`staff.reviews.filer.${application.filedBy}`)}</Descriptions.Item>
        <Descriptions.Item label={t('staff.reviews.submittedAt')}>{new Date(application.submittedAt).toLocaleString()}</Descriptions.Item>
        {application.proofKind !== null && <Descriptions.Item label={t('staff.reviews.onBehalf.proofKind')}>{t(`staff.reviews.proof.${application.proofKind}`)}</Descriptions.Item>}
        {application.proofNote !== null && <Descriptions.Item label={t('staff.reviews.onBehalf.proofNote')}>{application.proofNote}</Descriptions.Item>}
        {application.reason !== null && <Descriptions.Item label={t('review.reason')}>{application.reason}</Descriptions.Item>}
        {application.reviewerName !== null && <Descriptions.Item label={t('staff.reviews.reviewer')}>{application.reviewerName}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}
