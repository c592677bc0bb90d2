// The written subjects as the seed lists them: English in one table, the other languages in another, or a loading line until the choices are there.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferingChoice } from '../../../shared/contracts/http/enrolment.js';
import { ChoiceTable } from './ChoiceTable.js';

/** Used online (the server's choice list) and offline (the cached catalogue judged by the same rules). */
export function WrittenChoiceTables({
  choices,
  selected,
  onToggle,
}: {
  choices: readonly OfferingChoice[] | null;
  selected: ReadonlySet<string>;
  onToggle: (offeringId: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  if (choices === null) return <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>;
  return (
    <>
      <ChoiceTable title={t('subjects.english')} choices={choices.filter((choice) => choice.subject.language === 'english')} selected={selected} onToggle={onToggle} />
      <ChoiceTable title={t('subjects.other')} choices={choices.filter((choice) => choice.subject.language !== 'english')} selected={selected} onToggle={onToggle} />
    </>
  );
}
