// 复核记录: every event of one application, oldest first, with who acted and why.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewEvidence } from '../../../shared/contracts/http/review.js';

export function ReviewHistory({ evidence }: { evidence: ReviewEvidence }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('staff.reviews.history')}
      </Typography.Title>
      <Timeline
        data-testid="review-history"
        items={evidence.history.map((event) => ({
          content: (
            <span>
              {`${new Date(event.at).toLocaleString()}　${t(`staff.reviews.event.${event.kind}`)}　${event.actorName ?? t(`staff.reviews.actor.${event.actor}`)}`}
              {event.reason !== null && `　${t('review.reason')}：${event.reason}`}
            </span>
          ),
        }))}
      />
    </div>
  );
}
