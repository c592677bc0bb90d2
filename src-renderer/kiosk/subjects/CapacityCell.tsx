// 剩余容量 in R6's colours: green over half, yellow up to half, red '无' when full; the meaning is also spelled out for screen readers.
import { useTranslation } from 'react-i18next';
import type { CapacityColour } from '../../../shared/rules/offering-availability.js';

// Strong fills with white or black text, so the colour is seen and the number still passes contrast.
const STYLES: Record<CapacityColour, { background: string; color: string }> = {
  green: { background: '#237804', color: '#fff' },
  yellow: { background: '#fadb14', color: '#000' },
  red: { background: '#a8071a', color: '#fff' },
};

export function CapacityCell({ colour, remaining }: { colour: CapacityColour; remaining: number }) {
  const { t } = useTranslation();
  return (
    <span data-capacity={colour} title={t(`subjects.colour.${colour}`)} style={{ ...STYLES[colour], padding: '2px 10px', borderRadius: 4, fontWeight: 600 }}>
      {colour === 'red' ? t('subjects.none') : remaining}
      <span className="visually-hidden">{` ${t(`subjects.colour.${colour}`)}`}</span>
    </span>
  );
}
