// The 报名协议's clauses (R1), in a scrolling list a keyboard can reach: online and offline registration show the same text.
import { useTranslation } from 'react-i18next';

export function AgreementItems({ maxHeight = 360 }: { maxHeight?: number }) {
  const { t } = useTranslation();
  const items = t('agreement.items', { returnObjects: true }) as readonly string[];
  return (
    <ol style={{ maxHeight, overflowY: 'auto', paddingRight: 16 }} tabIndex={0} aria-label={t('agreement.title')}>
      {items.map((item) => (
        <li key={item} style={{ marginBottom: 8 }}>
          {item}
        </li>
      ))}
    </ol>
  );
}
