// 设备队列 (K4, issue #7's monitor): this device's enrolment, its queue of offline operations with retry and discard (each audited
// locally and reported to the server, waiting visibly while offline), and the server's record of refused operations.
import { Alert, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, IpcError } from '../../../shared/contracts/ipc.js';
import { OutboxError, startOutbox, useOutboxStatus, type OutboxAction, type OutboxOperation } from '../../outbox/index.js';
import { platformBridge } from '../../platform/bridge.js';
import type { StaffSession } from '../../stores/staff-session.js';
import { useOffline } from '../../stores/sync-status-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { prepareOfflineReview } from '../offline/offline-review.js';
import { Section } from '../shell/Section.js';
import { reportedActions, reportOutboxActions } from './audit-reporting.js';
import { AuditTrail } from './AuditTrail.js';
import { DiscardDialog } from './DiscardDialog.js';
import { LocalQueue } from './LocalQueue.js';
import { ServerRefusals } from './ServerRefusals.js';
import { ThisDevice } from './ThisDevice.js';

export function OutboxMonitor({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const offline = useOffline();
  const refusal = useRefusal();
  const { show, clear } = refusal;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [operations, setOperations] = useState<readonly OutboxOperation[]>([]);
  const [actions, setActions] = useState<readonly OutboxAction[]>([]);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());
  const [busySeq, setBusySeq] = useState<number | null>(null);
  const [discarding, setDiscarding] = useState<OutboxOperation | null>(null);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Any change of the queue (capture, replay, refusal, expiry) shows here without a manual refresh.
  const version = useOutboxStatus((state) => `${state.pending}/${state.refused}/${state.expired}/${state.lastSyncAt ?? ''}/${state.replay?.done ?? ''}`);

  const loadInfo = useCallback(async () => {
    const result = await platformBridge().appInfo({});
    if (result.ok) setInfo(result.value);
  }, []);

  const loadQueue = useCallback(async () => {
    try {
      const outbox = await startOutbox();
      setOperations(await outbox.operations());
      setActions(await outbox.auditTrail());
      setReported(await reportedActions());
    } catch (error) {
      if (error instanceof OutboxError) show(error.refusal);
      else throw error;
    }
  }, [show]);

  const send = useCallback(async () => {
    setSending(true);
    const failed = await reportOutboxActions().catch(() => null);
    setSending(false);
    setReported(await reportedActions());
    return failed;
  }, []);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  useEffect(() => {
    void loadQueue();
  }, [loadQueue, version]);

  // Actions taken while offline are reported as soon as the server answers again.
  useEffect(() => {
    if (!offline) void send();
  }, [offline, send]);

  /** The action is audited locally by the outbox; the server's copy follows, or waits visibly when it cannot be sent now. */
  const act = async (operation: OutboxOperation, run: () => Promise<OutboxAction>, done: (action: OutboxAction) => string) => {
    clear();
    setNotice(null);
    setBusySeq(operation.seq);
    try {
      const action = await run();
      setNotice(done(action));
    } catch (error) {
      if (error instanceof OutboxError) show(error.refusal);
      else throw error;
    } finally {
      setBusySeq(null);
    }
    await loadQueue();
    const failed: IpcError | null = await send();
    // Offline is expected (the trail says 待上报); any other refusal of the report is shown.
    if (failed !== null && failed.code !== 'SERVICE_UNAVAILABLE') show(failed);
  };

  const discardedSeqs = useMemo(() => new Set(actions.filter((action) => action.action === 'discard').map((action) => action.seq)), [actions]);

  const retry = (operation: OutboxOperation) =>
    void act(
      operation,
      async () => (await startOutbox()).retry(operation.seq, session.username),
      (action) => t('staff.outbox.retried', { seq: action.newSeq ?? '' }),
    );

  const discard = (operation: OutboxOperation, reason: string) =>
    void act(
      operation,
      async () => (await startOutbox()).discard(operation.seq, session.username, reason),
      () => {
        setDiscarding(null);
        return t('staff.outbox.discarded', { seq: operation.seq });
      },
    );

  return (
    <Section title={t('staff.outbox.title')}>
      {/* Enrolled now: offline review can be prepared for this session at once, without logging in again. */}
      <ThisDevice info={info} onEnrolled={() => void loadInfo().then(loadQueue).then(() => prepareOfflineReview(session))} />
      <Typography.Paragraph>{t('staff.outbox.lead')}</Typography.Paragraph>
      {refusal.alert}
      {notice !== null && <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 16 }} closable={{ onClose: () => setNotice(null) }} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ fontSize: 18 }}>
            {t('staff.outbox.local')}
          </Typography.Title>
          <LocalQueue operations={operations} discarded={discardedSeqs} busySeq={busySeq} onRetry={retry} onDiscard={setDiscarding} />
        </div>
        <AuditTrail actions={actions} reported={reported} offline={offline} sending={sending} onSend={() => void send()} />
        <ServerRefusals admin={session.role === 'admin'} offline={offline} version={version} />
      </Space>
      <DiscardDialog operation={discarding} busy={busySeq !== null && busySeq === discarding?.seq} onConfirm={(reason) => discarding !== null && discard(discarding, reason)} onCancel={() => setDiscarding(null)} />
    </Section>
  );
}
