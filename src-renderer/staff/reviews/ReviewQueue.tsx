// 复核 (K4, C4, C7): the school's applications oldest first beside the evidence of the one being read, with keyboard shortcuts for a fast session.
import { Alert, Badge, Button, Empty, List, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../../shared/domain/review-application.js';
import { useStaffReviews } from '../../stores/staff-reviews.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';
import { DecisionPanel, type DecisionPanelHandle } from './DecisionPanel.js';
import { EvidenceTable } from './EvidenceTable.js';
import { OnBehalfForm } from './OnBehalfForm.js';
import { ReviewHistory } from './ReviewHistory.js';
import { useReviewShortcuts } from './use-review-shortcuts.js';

const NO_FIELDS: readonly string[] = [];
const STATUSES: readonly ReviewStatus[] = ['PENDING', 'REJECTED', 'APPROVED', 'AUTO_APPROVED'];

export function ReviewQueue() {
  const { t } = useTranslation();
  const { status, items, selectedId, evidence, patch } = useStaffReviews();
  const refusal = useRefusal(undefined, NO_FIELDS);
  const { show, clear } = refusal;
  const [onBehalf, setOnBehalf] = useState(false);
  const decision = useRef<DecisionPanelHandle>(null);

  const open = useCallback(
    async (id: string | null) => {
      patch({ selectedId: id, evidence: null });
      if (id === null) return;
      const result = await staffCall('getReviewEvidence', { applicationId: id });
      if (result.ok) patch({ evidence: result.value });
      else show(result.error);
    },
    [patch, show],
  );

  const load = useCallback(
    async (wanted: ReviewStatus, keep: string | null) => {
      clear();
      const result = await staffCall('listReviews', { status: wanted, limit: 200 });
      if (!result.ok) return show(result.error);
      patch({ status: wanted, items: result.value.items });
      const still = result.value.items.find((item) => item.id === keep) ?? result.value.items[0];
      await open(still?.id ?? null);
    },
    [patch, open, show, clear],
  );

  // On arrival; later loads follow the teacher's actions (load itself is stable).
  useEffect(() => {
    void load(useStaffReviews.getState().status, null);
  }, [load]);

  const index = items.findIndex((item) => item.id === selectedId);
  const pending = evidence !== null && evidence.application.status === 'PENDING';
  const shortcuts = useMemo(
    () => ({
      next: () => void open(items[Math.min(items.length - 1, index + 1)]?.id ?? null),
      previous: () => void open(items[Math.max(0, index - 1)]?.id ?? null),
      approve: () => {
        if (pending) decision.current?.approve();
      },
      reject: () => {
        if (pending) decision.current?.focusReason();
      },
    }),
    [items, index, open, pending],
  );
  useReviewShortcuts(shortcuts);

  /** After a decision the queue moves on: a decided application leaves the pending list. */
  const decided = async (id: string) => {
    const after = items[index + 1]?.id ?? items[index - 1]?.id ?? null;
    await load(status, status === 'PENDING' ? after : id);
  };

  return (
    <Section
      title={t('staff.reviews.title')}
      extra={
        <Button type="primary" onClick={() => setOnBehalf(true)}>
          {t('staff.reviews.onBehalf.open')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="review-shortcuts">
        {t('staff.reviews.shortcuts')}
      </Typography.Paragraph>
      {refusal.alert}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) 3fr', gap: 24, alignItems: 'start' }}>
        <nav aria-label={t('staff.reviews.queue')}>
          <Segmented
            block
            value={status}
            onChange={(value) => void load(value as ReviewStatus, null)}
            options={STATUSES.map((s) => ({ value: s, label: t(`review.statusName.${s}`) }))}
            style={{ marginBottom: 12 }}
          />
          <List
            bordered
            locale={{ emptyText: <Empty description={t('staff.reviews.empty')} /> }}
            dataSource={[...items]}
            renderItem={(item) => (
              <List.Item style={{ padding: 0 }}>
                <Button
                  type="text"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => void open(item.id)}
                  style={{
                    width: '100%',
                    height: 'auto',
                    textAlign: 'left',
                    display: 'block',
                    padding: '8px 12px',
                    whiteSpace: 'normal',
                    ...(item.id === selectedId ? { background: '#e6f4ff', boxShadow: 'inset 4px 0 0 #0958d9' } : {}),
                  }}
                >
                  <Space wrap>
                    <strong>{item.name}</strong>
                    <span>{item.studentNumber}</span>
                    {item.repeatSubmitter && <Badge status="warning" text={t('staff.reviews.repeat')} />}
                  </Space>
                  <div style={{ fontSize: 13 }}>{t('staff.reviews.listLine', { campus: item.campus.name, at: new Date(item.submittedAt).toLocaleString(), count: item.submissionCount })}</div>
                </Button>
              </List.Item>
            )}
          />
        </nav>
        <div>
          {evidence === null ? (
            selectedId !== null && <Alert type="info" title={t('staff.loading')} />
          ) : (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <EvidenceTable evidence={evidence} />
              <DecisionPanel ref={decision} evidence={evidence} onDecided={(id) => void decided(id)} onChanged={(next) => patch({ evidence: next })} />
              <ReviewHistory evidence={evidence} />
            </Space>
          )}
        </div>
      </div>
      <OnBehalfForm open={onBehalf} onClose={() => setOnBehalf(false)} onFiled={(filed) => patch({ evidence: filed, selectedId: filed.application.id })} />
    </Section>
  );
}
