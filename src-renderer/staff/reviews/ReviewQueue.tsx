// 复核 (K4, C4, C7): the school's applications oldest first beside the evidence of the one being read, with keyboard shortcuts for a fast session.
// Offline (K3) the pending queue comes from the sealed cache made at login and decisions are queued for replay, marked 待同步.
import { Alert, Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import type { ReviewStatus } from '../../../shared/domain/review-application.js';
import { OutboxError, useOutboxStatus } from '../../outbox/index.js';
import { useStaffReviews } from '../../stores/staff-reviews.js';
import type { StaffSession } from '../../stores/staff-session.js';
import { useOffline } from '../../stores/sync-status-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { captureDecision, capturedDecisions, readOfflineReview, refreshOfflineReview, type CapturedDecision, type Decision, type OfflineReviewCache } from '../offline/offline-review.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';
import { DecisionPanel, type DecisionPanelHandle, type OfflineDecider } from './DecisionPanel.js';
import { EvidenceTable } from './EvidenceTable.js';
import { OnBehalfForm } from './OnBehalfForm.js';
import { ReviewHistory } from './ReviewHistory.js';
import { useReviewShortcuts } from './use-review-shortcuts.js';

const NO_FIELDS: readonly string[] = [];
const STATUSES: readonly ReviewStatus[] = ['PENDING', 'REJECTED', 'APPROVED', 'AUTO_APPROVED'];

export function ReviewQueue({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const { status, items, selectedId, evidence, patch } = useStaffReviews();
  const refusal = useRefusal(undefined, NO_FIELDS);
  const { show, clear } = refusal;
  const [onBehalf, setOnBehalf] = useState(false);
  const decision = useRef<DecisionPanelHandle>(null);
  const offline = useOffline();
  /** The sealed cache: what offline review works from, and online the sign that it is ready. */
  const [cache, setCache] = useState<OfflineReviewCache | null>(null);
  const [captured, setCaptured] = useState<ReadonlyMap<string, CapturedDecision>>(new Map());
  // Queue changes (a capture, a replayed or refused decision) change which applications wait.
  const queueVersion = useOutboxStatus((state) => `${state.pending}/${state.refused}/${state.lastSyncAt ?? ''}`);

  useEffect(() => {
    let live = true;
    void capturedDecisions()
      .then((found) => {
        if (live) setCaptured(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [queueVersion]);

  const open = useCallback(
    async (id: string | null, from: OfflineReviewCache | null = null) => {
      patch({ selectedId: id, evidence: null });
      if (id === null) return;
      if (from !== null) return patch({ evidence: from.evidence[id] ?? null });
      const result = await staffCall('getReviewEvidence', { applicationId: id });
      if (result.ok) patch({ evidence: result.value });
      else show(result.error);
    },
    [patch, show],
  );

  const load = useCallback(
    async (wanted: ReviewStatus, keep: string | null) => {
      clear();
      if (offline) {
        // Offline only the pending queue cached at login exists.
        const cached = await readOfflineReview(session);
        setCache(cached);
        const listed = cached?.items ?? [];
        patch({ status: 'PENDING', items: listed });
        const still = listed.find((item) => item.id === keep) ?? listed[0];
        return open(still?.id ?? null, cached);
      }
      const result = await staffCall('listReviews', { status: wanted, limit: 200 });
      if (!result.ok) return show(result.error);
      patch({ status: wanted, items: result.value.items });
      const still = result.value.items.find((item) => item.id === keep) ?? result.value.items[0];
      await open(still?.id ?? null);
      // The offline cache follows the pending queue while the server answers.
      if (wanted === 'PENDING') await refreshOfflineReview(session).catch(() => undefined);
      setCache(await readOfflineReview(session));
    },
    [patch, open, show, clear, offline, session],
  );

  // On arrival and when the server goes or comes back; later loads follow the teacher's actions.
  useEffect(() => {
    void load(useStaffReviews.getState().status, useStaffReviews.getState().selectedId);
  }, [load]);

  // Online, a replayed decision changes the server's queue: show it as the server has it now.
  const settled = useOutboxStatus((state) => state.lastSyncAt);
  useEffect(() => {
    if (!offline && settled !== null) void load(useStaffReviews.getState().status, useStaffReviews.getState().selectedId);
    // Keyed on the sync alone: `load` changes with connectivity, and the effect above already covers that.
  }, [settled]);

  const offlineDecider = useMemo((): OfflineDecider | null => {
    if (!offline) return null;
    if (cache === null) return { blocked: t('staff.offline.noGrant'), decide: async () => null };
    if (Date.parse(cache.grantExpiresAt) <= Date.now()) return { blocked: t('staff.offline.grantExpired', { at: new Date(cache.grantExpiresAt).toLocaleString() }), decide: async () => null };
    return {
      blocked: null,
      decide: async (chosen: Decision): Promise<IpcError | null> => {
        if (selectedId === null) return null;
        try {
          await captureDecision(cache, selectedId, chosen);
          setCaptured(await capturedDecisions());
          return null;
        } catch (error) {
          if (error instanceof OutboxError) return error.refusal;
          throw error;
        }
      },
    };
  }, [offline, cache, selectedId, t]);

  /** The teacher opens an application: from the server, or offline from the cache. */
  const read = useCallback((id: string | null) => open(id, offline ? cache : null), [open, offline, cache]);

  const index = items.findIndex((item) => item.id === selectedId);
  const pending = evidence !== null && evidence.application.status === 'PENDING';
  const shortcuts = useMemo(
    () => ({
      next: () => void read(items[Math.min(items.length - 1, index + 1)]?.id ?? null),
      previous: () => void read(items[Math.max(0, index - 1)]?.id ?? null),
      approve: () => {
        if (pending) decision.current?.approve();
      },
      reject: () => {
        if (pending) decision.current?.focusReason();
      },
    }),
    [items, index, read, pending],
  );
  useReviewShortcuts(shortcuts);

  /** After a decision the queue moves on: a decided application leaves the pending list (offline it stays, marked 待同步). */
  const decided = async (id: string) => {
    if (offline) {
      const next = items.slice(index + 1).find((item) => !captured.has(item.id))?.id ?? id;
      return open(next, cache);
    }
    const after = items[index + 1]?.id ?? items[index - 1]?.id ?? null;
    await load(status, status === 'PENDING' ? after : id);
  };

  return (
    <Section
      title={t('staff.reviews.title')}
      extra={
        <Space>
          {offline && <Typography.Text type="secondary">{t('staff.offline.needsServer')}</Typography.Text>}
          <Button type="primary" disabled={offline} onClick={() => setOnBehalf(true)}>
            {t('staff.reviews.onBehalf.open')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="review-shortcuts">
        {t('staff.reviews.shortcuts')}
      </Typography.Paragraph>
      {offline && (
        <Alert
          data-testid="offline-review"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={cache === null ? t('staff.offline.noGrant') : t('staff.offline.banner', { at: new Date(cache.cachedAt).toLocaleString() })}
          description={cache === null ? undefined : t('staff.offline.grantUntil', { at: new Date(cache.grantExpiresAt).toLocaleString() })}
        />
      )}
      {!offline && cache !== null && (
        <Typography.Paragraph type="secondary" data-testid="offline-ready">
          {t('staff.offline.ready', { count: cache.items.length, at: new Date(cache.grantExpiresAt).toLocaleString() })}
        </Typography.Paragraph>
      )}
      {refusal.alert}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) 3fr', gap: 24, alignItems: 'start' }}>
        <nav aria-label={t('staff.reviews.queue')}>
          <Segmented
            block
            value={status}
            onChange={(value) => void load(value as ReviewStatus, null)}
            options={STATUSES.map((s) => ({ value: s, label: t(`review.statusName.${s}`), disabled: offline && s !== 'PENDING' }))}
            style={{ marginBottom: 12 }}
          />
          {offline && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {t('staff.offline.onlyPending')}
            </Typography.Paragraph>
          )}
          <List
            bordered
            locale={{ emptyText: <Empty description={t('staff.reviews.empty')} /> }}
            dataSource={[...items]}
            renderItem={(item) => (
              <List.Item style={{ padding: 0 }}>
                <Button
                  type="text"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => void read(item.id)}
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
                    {captured.get(item.id)?.state === 'pending' && <Tag color="#ad4e00">{t('staff.offline.provisional')}</Tag>}
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
              <DecisionPanel
                ref={decision}
                evidence={evidence}
                offline={offlineDecider}
                captured={captured.get(evidence.application.id)}
                onDecided={(id) => void decided(id)}
                onChanged={(next) => patch({ evidence: next })}
              />
              <ReviewHistory evidence={evidence} />
            </Space>
          )}
        </div>
      </div>
      <OnBehalfForm open={onBehalf} onClose={() => setOnBehalf(false)} onFiled={(filed) => patch({ evidence: filed, selectedId: filed.application.id })} />
    </Section>
  );
}
