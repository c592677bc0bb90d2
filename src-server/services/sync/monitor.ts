// The teacher's outbox monitor on the server side (K4, issue #8 item 6): the audited retry/discard of a queued operation, and the replayed operations of the school's devices.
import { errorMessages } from '../../../shared/errors/domain-error.js';
import type { StaffOnDevice, StaffActor } from '../actors.js';
import { auditActorOf } from '../actors.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { command, refuseWith } from '../outcome.js';

/** A teacher acts only on the devices of their school's campuses; an admin on every device. */
async function deviceOfStaff(ctx: ServiceContext, staff: StaffActor, deviceId: string) {
  let query = ctx.db
    .selectFrom('kiosk_devices')
    .innerJoin('campuses', 'campuses.code', 'kiosk_devices.campus_code')
    .select(['kiosk_devices.id', 'kiosk_devices.campus_code', 'campuses.school_code'])
    .where('kiosk_devices.id', '=', deviceId);
  if (staff.role === 'teacher') query = query.where('campuses.school_code', '=', staff.schoolCode ?? '');
  return query.executeTakeFirst();
}

/** The outbox lives on the device, so the action is recorded for the device the request comes from, and only there. */
export function recordOutboxAction(
  ctx: ServiceContext,
  caller: StaffOnDevice,
  input: { deviceId: string; seq: number; kind: string; action: 'retry' | 'discard'; reason?: string | undefined },
) {
  return command(async () => {
    if (input.deviceId !== caller.device.deviceId) refuseWith('FORBIDDEN', { field: 'deviceId' });
    if ((await deviceOfStaff(ctx, caller.staff, input.deviceId)) === undefined) refuseWith('FORBIDDEN', { field: 'deviceId' });
    const at = ctx.clock.now();
    await recordAudit(
      ctx.db,
      {
        actor: auditActorOf(caller.staff),
        action: input.action === 'retry' ? 'sync.outbox_retry' : 'sync.outbox_discard',
        target: { kind: 'sync_operation', id: `${input.deviceId}:${input.seq}` },
        details: { deviceId: input.deviceId, seq: input.seq, kind: input.kind, reason: input.reason ?? null },
      },
      at,
    );
    return { recorded: true as const, at };
  });
}

export function listDeviceOperations(ctx: ServiceContext, staff: StaffActor, input: { status: 'refused' | 'applied'; deviceId?: string | undefined; limit: number }) {
  return command(async () => {
    let query = ctx.db
      .selectFrom('sync_operations')
      .innerJoin('kiosk_devices', 'kiosk_devices.id', 'sync_operations.device_id')
      .innerJoin('campuses', 'campuses.code', 'kiosk_devices.campus_code')
      .select([
        'sync_operations.device_id',
        'kiosk_devices.name as device_name',
        'kiosk_devices.campus_code',
        'sync_operations.seq',
        'sync_operations.kind',
        'sync_operations.status',
        'sync_operations.error',
        'sync_operations.captured_at',
        'sync_operations.applied_at',
      ])
      .where('sync_operations.status', '=', input.status)
      .orderBy('sync_operations.applied_at', 'desc')
      .orderBy('sync_operations.device_id')
      .orderBy('sync_operations.seq', 'desc')
      .limit(input.limit);
    if (staff.role === 'teacher') query = query.where('campuses.school_code', '=', staff.schoolCode ?? '');
    if (input.deviceId !== undefined) query = query.where('sync_operations.device_id', '=', input.deviceId);
    const rows = await query.execute();
    return {
      items: rows.map((row) => ({
        deviceId: row.device_id,
        deviceName: row.device_name,
        campusCode: row.campus_code,
        seq: Number(row.seq),
        kind: row.kind,
        status: row.status,
        // The code, field and params were stored; the messages are rendered now, in today's wording.
        error: row.error === null ? null : { ...row.error, ...(row.error.params === undefined ? {} : { params: { ...row.error.params } }), message: errorMessages(row.error) },
        capturedAt: row.captured_at,
        appliedAt: row.applied_at,
      })),
    };
  });
}
