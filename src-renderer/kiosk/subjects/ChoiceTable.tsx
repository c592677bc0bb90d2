// A table of offerings to tick (笔试 or 口试): fee in yuan, school, campus, 剩余容量 in colour, window; what cannot be ticked says why.
import { Checkbox, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferingChoice } from '../../../shared/contracts/http/enrolment.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { codeName, formatWindow, formatYuan } from '../../ui/format.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { CapacityCell } from './CapacityCell.js';

export function ChoiceTable({
  title,
  choices,
  selected,
  onToggle,
  showExamDate,
}: {
  title: string;
  choices: readonly OfferingChoice[];
  selected: ReadonlySet<string>;
  onToggle: (offeringId: string, checked: boolean) => void;
  showExamDate?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  return (
    <section aria-label={title} style={{ marginBottom: 24 }}>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      <Table<OfferingChoice>
        rowKey={(choice) => choice.offering.id}
        dataSource={[...choices]}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Typography.Text type="secondary">{t('subjects.noChoices')}</Typography.Text> }}
        columns={[
          {
            title: t('subjects.subject'),
            key: 'subject',
            render: (_value, choice) => (
              <>
                <Checkbox
                  checked={choice.enrolled || selected.has(choice.offering.id)}
                  disabled={choice.enrolled || !choice.selectable}
                  onChange={(event) => onToggle(choice.offering.id, event.target.checked)}
                >
                  {`(${choice.subject.code}) ${choice.subject.name}`}
                </Checkbox>
                {choice.enrolled && <Typography.Text type="success">{t('subjects.enrolled')}</Typography.Text>}
                {!choice.enrolled && choice.refusal !== null && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {refusalMessage(choice.refusal, locale)}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          { title: t('subjects.fee'), key: 'fee', render: (_value, choice) => formatYuan(choice.offering.feeFen) },
          { title: t('subjects.school'), key: 'school', render: (_value, choice) => codeName(choice.school) },
          { title: t('subjects.campus'), key: 'campus', render: (_value, choice) => codeName(choice.campus) },
          { title: t('subjects.remaining'), key: 'remaining', render: (_value, choice) => <CapacityCell colour={choice.colour} remaining={choice.offering.remaining} /> },
          { title: t('subjects.window'), key: 'window', render: (_value, choice) => formatWindow(choice.offering.window, timeZone) },
          ...(showExamDate ? [{ title: t('subjects.examDate'), key: 'examDate', render: (_value: unknown, choice: OfferingChoice) => choice.offering.examDate ?? '' }] : []),
        ]}
      />
    </section>
  );
}
