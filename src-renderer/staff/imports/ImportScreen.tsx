// 导入 (R2, C3): a roster (学籍) or CET4 score CSV, checked first (dry run) with a row-level report, then written all or nothing.
import { Alert, Button, Progress, Radio, Select, Space, Steps, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportReport } from '../../../shared/contracts/http/imports.js';
import type { IpcResult } from '../../../shared/contracts/ipc.js';
import type { StaffSession } from '../../stores/staff-session.js';
import { useStaffSession } from '../../stores/staff-session.js';
import { codeName } from '../../ui/format.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';
import { fileAsBase64 } from './read-file.js';

type Kind = 'ROSTER' | 'CET4_SCORES';
/** The honest stages of one request: the file is read here, then the server checks it, then (on import) writes it. */
type Stage = 'idle' | 'reading' | 'checking' | 'checked' | 'writing' | 'done';

const STAGE_PERCENT: Record<Stage, number> = { idle: 0, reading: 15, checking: 45, checked: 60, writing: 85, done: 100 };
const STAGE_STEP: Record<Stage, number> = { idle: 0, reading: 0, checking: 1, checked: 1, writing: 2, done: 3 };

export function ImportScreen({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const schools = useStaffSession((state) => state.schools);
  const admin = session.role === 'admin';
  const [kind, setKind] = useState<Kind>('ROSTER');
  const [schoolCode, setSchoolCode] = useState<string | undefined>(session.schoolCode ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [report, setReport] = useState<ImportReport | null>(null);
  const refusal = useRefusal();
  const picker = useRef<HTMLInputElement>(null);

  const send = async (dryRun: boolean): Promise<void> => {
    if (file === null) return;
    refusal.clear();
    setReport(null);
    setStage('reading');
    const contentBase64 = await fileAsBase64(file);
    setStage(dryRun ? 'checking' : 'writing');
    const upload = { fileName: file.name, contentBase64, dryRun };
    let result: IpcResult<ImportReport>;
    if (kind === 'CET4_SCORES') result = await staffCall('importCet4Scores', upload);
    else result = await staffCall('importRoster', { schoolCode: schoolCode ?? '', ...upload });
    if (!result.ok) {
      setStage('idle');
      return refusal.show(result.error);
    }
    setReport(result.value);
    setStage(result.value.imported ? 'done' : 'checked');
  };

  const pick = (picked: File | null) => {
    setFile(picked);
    setReport(null);
    setStage('idle');
  };

  const changeKind = (next: Kind) => {
    setKind(next);
    if (picker.current !== null) picker.current.value = '';
    pick(null);
  };

  const busy = stage === 'reading' || stage === 'checking' || stage === 'writing';
  const needsSchool = kind === 'ROSTER' && schoolCode === undefined;
  const blocker = file === null ? t('staff.imports.pickFirst') : needsSchool ? t('staff.imports.schoolFirst') : null;
  const clean = report !== null && !report.imported && report.issues.length === 0;
  const importBlocker = report === null ? t('staff.imports.checkFirst') : report.issues.length > 0 ? t('staff.imports.fixFirst') : null;

  return (
    <Section title={t('staff.imports.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group value={kind} onChange={(event) => changeKind(event.target.value as Kind)} aria-label={t('staff.imports.kind')}>
          <Radio value="ROSTER">{t('staff.imports.kindName.ROSTER')}</Radio>
          <Radio value="CET4_SCORES" disabled={!admin}>
            {t('staff.imports.kindName.CET4_SCORES')}
          </Radio>
        </Radio.Group>
        {!admin && <Typography.Text type="secondary">{t('staff.imports.cet4AdminOnly')}</Typography.Text>}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(`staff.imports.columns.${kind}`)}
        </Typography.Paragraph>
        {kind === 'ROSTER' && admin && (
          <Space>
            <label htmlFor="import-school">{t('staff.imports.school')}</label>
            <Select
              id="import-school"
              style={{ minWidth: 280 }}
              placeholder={t('fields.choose')}
              value={schoolCode}
              onChange={setSchoolCode}
              options={schools.map((school) => ({ value: school.code, label: codeName(school) }))}
            />
          </Space>
        )}
        <Space wrap>
          <input ref={picker} id="import-file" type="file" accept=".csv,text/csv" aria-label={t('staff.imports.file')} onChange={(event) => pick(event.target.files?.[0] ?? null)} />
          <Button onClick={() => void send(true)} disabled={blocker !== null || busy} loading={stage === 'checking'}>
            {t('staff.imports.check')}
          </Button>
          <Button type="primary" onClick={() => void send(false)} disabled={!clean || busy} loading={stage === 'writing'}>
            {t('staff.imports.import')}
          </Button>
          {blocker !== null ? <Typography.Text type="secondary">{blocker}</Typography.Text> : importBlocker !== null && stage !== 'done' && <Typography.Text type="secondary">{importBlocker}</Typography.Text>}
        </Space>
        {stage !== 'idle' && (
          <div data-testid="import-progress">
            <Steps
              size="small"
              current={STAGE_STEP[stage]}
              items={[{ title: t('staff.imports.stage.reading') }, { title: t('staff.imports.stage.checking') }, { title: t('staff.imports.stage.writing') }]}
            />
            <Progress percent={STAGE_PERCENT[stage]} status={busy ? 'active' : report !== null && report.issues.length > 0 ? 'exception' : 'normal'} aria-label={t('staff.imports.progress')} />
          </div>
        )}
        {refusal.alert}
        {report !== null && <ImportReportView report={report} locale={locale} />}
      </Space>
    </Section>
  );
}

function ImportReportView({ report, locale }: { report: ImportReport; locale: ReturnType<typeof useLocale> }) {
  const { t } = useTranslation();
  const summary = t('staff.imports.summary', { total: report.totalRows, valid: report.validRows, issues: report.issues.length });
  return (
    <div data-testid="import-report">
      {report.imported ? (
        <Alert type="success" showIcon role="status" title={t('staff.imports.imported', { count: report.totalRows })} description={summary} />
      ) : report.issues.length === 0 ? (
        <Alert type="info" showIcon role="status" title={t('staff.imports.clean')} description={summary} />
      ) : (
        <Alert type="error" showIcon role="alert" title={t('staff.imports.refused')} description={summary} />
      )}
      {report.issues.length > 0 && (
        <Table<ImportIssue & { key: number }>
          style={{ marginTop: 16 }}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={report.issues.map((issue, index) => ({ ...issue, key: index }))}
          columns={[
            { title: t('staff.imports.line'), dataIndex: 'line', width: 90, render: (line: number) => (line === 0 ? t('staff.imports.wholeFile') : line) },
            { title: t('staff.imports.column'), dataIndex: 'column', width: 160, render: (column: string | null) => column ?? '' },
            { title: t('staff.imports.reason'), key: 'reason', render: (_v, issue) => refusalMessage(issue.error, locale) },
          ]}
        />
      )}
    </div>
  );
}
