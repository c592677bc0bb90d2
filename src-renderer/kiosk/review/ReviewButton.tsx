// 'CET6资格复核' (C1): shown when the server offers the review or an application exists to look at.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { reviewOffer } from '../../../shared/contracts/http/review.js';
import { go } from '../../stores/flow-store.js';

export function ReviewButton({ offer, returnTo }: { offer: z.infer<typeof reviewOffer>; returnTo: 'qualificationConfirm' | 'registration' }) {
  const { t } = useTranslation();
  if (!offer.offered && offer.application === null) return null;
  return (
    <Button size="large" onClick={() => go({ name: 'review', returnTo })}>
      {t('review.action')}
    </Button>
  );
}
