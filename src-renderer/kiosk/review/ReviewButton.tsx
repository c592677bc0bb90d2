// 'CET6资格复核' (C1): shown when the server offers the review or an application exists to look at.
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { reviewOffer } from '../../../shared/contracts/http/review.js';
import { go } from '../../stores/flow-store.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';

/** `withNote` says the offline reason beside the button, for a screen where no group of buttons around it says it already. */
export function ReviewButton({ offer, returnTo, withNote = false }: { offer: z.infer<typeof reviewOffer>; returnTo: 'qualificationConfirm' | 'registration'; withNote?: boolean }) {
  const { t } = useTranslation();
  // The review screen loads the application from the server: offline the button waits, its reason beside it or its group.
  const offline = useNeedsServer() !== null;
  if (!offer.offered && offer.application === null) return null;
  const button = (
    <Button size="large" disabled={offline} onClick={() => go({ name: 'review', returnTo })}>
      {t('review.action')}
    </Button>
  );
  if (!withNote) return button;
  return (
    <Space wrap>
      {button}
      <NeedsServerNote />
    </Space>
  );
}
