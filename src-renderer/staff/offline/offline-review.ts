// Offline review (issue #8 item 7, SPEC K3): what a teacher needs to decide CET6 reviews while the server is unreachable,
// fetched after an online login and kept sealed in the outbox (the queue and evidence are personal data, the grant a secret).
//
// Offline work is bound to the session that logged in online: nothing here lets a reloaded window act
// offline without a server login, since no password can be checked offline and the workstation is shared.
import { z } from 'zod';
import { reviewDecidePayload } from '../../../shared/contracts/operations.js';
import { listReviews, reviewEvidence } from '../../../shared/contracts/http/review.js';
import { startOutbox, type OutboxOperation } from '../../outbox/index.js';
import { platformBridge } from '../../platform/bridge.js';
import type { StaffSession } from '../../stores/staff-session.js';
import { staffCall } from '../shell/staff-api.js';

const CACHE_ID = 'staff:offline-review';
/** Pending applications cached at most: a school's queue is far smaller, and each costs one evidence request at login. */
export const MAX_CACHED_APPLICATIONS = 100;

const reviewListItem = listReviews.response.shape.items.element;

/** The sealed record, validated when read back: storage is a boundary too. */
const offlineReviewCache = z.object({
  staffId: z.string(),
  username: z.string(),
  grant: reviewDecidePayload.options[0].shape.grant,
  grantExpiresAt: z.iso.datetime(),
  cachedAt: z.iso.datetime(),
  items: z.array(reviewListItem),
  evidence: z.record(z.string(), reviewEvidence),
});
export type OfflineReviewCache = z.infer<typeof offlineReviewCache>;

export type Decision = { decision: 'APPROVED' } | { decision: 'REJECTED'; reason: string };

/** A decision captured offline as the queue shows it: the operation's state, read from its non-personal summary. */
export interface CapturedDecision {
  readonly seq: number;
  readonly applicationId: string;
  readonly decision: 'APPROVED' | 'REJECTED';
  readonly state: OutboxOperation['state'];
}

async function deviceEnrolled(): Promise<boolean> {
  const info = await platformBridge().appInfo({});
  return info.ok && info.value.device.enrolled;
}

/** The school's pending queue with each application's evidence, reusing evidence already cached. */
async function fetchQueue(previous: OfflineReviewCache['evidence']): Promise<Pick<OfflineReviewCache, 'items' | 'evidence'> | null> {
  const listed = await staffCall('listReviews', { status: 'PENDING', limit: MAX_CACHED_APPLICATIONS });
  if (!listed.ok) return null;
  const evidence: Record<string, OfflineReviewCache['evidence'][string]> = {};
  for (const item of listed.value.items) {
    const known = previous[item.id];
    if (known !== undefined && known.application.status === 'PENDING') {
      evidence[item.id] = known;
      continue;
    }
    const fetched = await staffCall('getReviewEvidence', { applicationId: item.id });
    if (fetched.ok) evidence[item.id] = fetched.value;
  }
  // Only what can be shown in full is offered offline.
  return { items: listed.value.items.filter((item) => evidence[item.id] !== undefined), evidence };
}

/**
 * Cache writers run one at a time: a new grant revokes the device's previous one on the server, so
 * two overlapping writers could otherwise leave the cache holding the revoked grant.
 */
let writing: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = writing.then(work);
  writing = run.catch(() => undefined);
  return run;
}

/**
 * After an online login (teachers on an enrolled device only): the grant and the pending queue,
 * sealed. Returns false when nothing could be cached; the review screen then says why offline.
 */
export function prepareOfflineReview(session: StaffSession): Promise<boolean> {
  return serially(() => prepareNow(session));
}

async function prepareNow(session: StaffSession): Promise<boolean> {
  if (session.role !== 'teacher' || !(await deviceEnrolled())) return false;
  const granted = await staffCall('issueOfflineGrant', {});
  if (!granted.ok) return false;
  const queue = await fetchQueue({});
  if (queue === null) return false;
  const cache: OfflineReviewCache = {
    staffId: session.staffId,
    username: session.username,
    grant: granted.value.grant,
    grantExpiresAt: granted.value.expiresAt,
    cachedAt: new Date().toISOString(),
    ...queue,
  };
  await (await startOutbox()).keep(CACHE_ID, cache);
  return true;
}

/** While online: the cached queue follows the server's (new applications cached, decided ones dropped), under the same grant. */
export function refreshOfflineReview(session: StaffSession): Promise<void> {
  return serially(async () => {
    const cached = await readOfflineReview(session);
    if (cached === null) {
      await prepareNow(session);
      return;
    }
    const queue = await fetchQueue(cached.evidence);
    if (queue === null) return;
    await (await startOutbox()).keep(CACHE_ID, { ...cached, ...queue, cachedAt: new Date().toISOString() } satisfies OfflineReviewCache);
  });
}

/** The cache of this staff member, or null (none, another teacher's, or unreadable). */
export async function readOfflineReview(session: StaffSession): Promise<OfflineReviewCache | null> {
  const record = await (await startOutbox()).provisional(CACHE_ID).catch(() => undefined);
  const parsed = offlineReviewCache.safeParse(record?.value);
  if (!parsed.success || parsed.data.staffId !== session.staffId) return null;
  return parsed.data;
}

/** Logout or an ended session: the cached personal data and the grant leave the device. */
export function forgetOfflineReview(): Promise<void> {
  return serially(async () => (await startOutbox()).forgetProvisional(CACHE_ID));
}

/** Queues the decision as `review.decide` with the teacher's grant; the summary names only the application and the decision. */
export async function captureDecision(cache: OfflineReviewCache, applicationId: string, decision: Decision): Promise<number> {
  const outbox = await startOutbox();
  return outbox.capture('review.decide', { grant: cache.grant, applicationId, ...decision }, { summary: { params: { application: applicationId, decision: decision.decision } } });
}

/** Decisions this device captured and the server has not applied yet (pending or refused), newest first, by application. */
export async function capturedDecisions(): Promise<Map<string, CapturedDecision>> {
  const outbox = await startOutbox();
  const operations = await outbox.operations({ states: ['pending', 'refused'] });
  const byApplication = new Map<string, CapturedDecision>();
  for (const operation of operations) {
    const applicationId = operation.summary.params?.['application'];
    const decision = operation.summary.params?.['decision'];
    if (operation.kind !== 'review.decide' || operation.retriedAs !== undefined || typeof applicationId !== 'string') continue;
    if (decision !== 'APPROVED' && decision !== 'REJECTED') continue;
    if (!byApplication.has(applicationId)) byApplication.set(applicationId, { seq: operation.seq, applicationId, decision, state: operation.state });
  }
  return byApplication;
}
