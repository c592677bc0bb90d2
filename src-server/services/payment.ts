// R9: payment orders for selected unpaid enrolments (a candidate's, or a school's group payment that locks them), settled once by signed notices or re-queries.
import { sql, type Selectable, type Transaction } from 'kysely';
import type { PaymentProviderName } from '../../shared/contracts/http/payment.js';
import { checkOralPaidWithWritten, payableEnrolments, totalFen } from '../../shared/rules/index.js';
import type { Executor } from '../db/database.js';
import { executeNamed, preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/schema.js';
import type { CreatedPayment, PaymentNotice } from '../payment/provider.js';
import { decideSettlement, settlementOfNotice, settlementOfState, type OrderForSettlement, type Settlement, type SettlementEffect } from '../payment/notice.js';
import { createSandboxProvider, type SandboxLedger, type SandboxPayment, type SandboxProvider } from '../payment/sandbox.js';
import { auditActorOf, type StaffActor } from './actors.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { check, command, refuseWith } from './outcome.js';
import { currentSession } from './catalogue.js';
import { readState, type HeldEnrolment } from './registration-state.js';
import { keyedHash, newId } from './secrets.js';

/**
 * The sandbox ledger's statements, compiled once per process (db/prepared.ts): an order and a press
 * of the pay page each run one of them, and kysely building them cost more than running them.
 */
const ledgerRows = {
  find: preparedQuery((db: Executor, _shape: 'only', providerRef: string) => db.selectFrom('sandbox_payments').selectAll().where('provider_ref', '=', providerRef)),
  insert: preparedQuery(
    (db: Executor, _shape: 'only', providerRef: string, provider: PaymentProviderName, orderId: string, amountFen: number, description: string, status: SandboxPayment['status'], createdAt: Date, settledAt: Date | null) =>
      db
        .insertInto('sandbox_payments')
        .values({ provider_ref: providerRef, provider, order_id: orderId, amount_fen: amountFen, description, status, created_at: createdAt, settled_at: settledAt }),
  ),
  // 'provider': only that provider's payment settles (a notice names its provider); 'any': the pay page's.
  settle: preparedQuery((db: Executor, shape: 'any' | 'provider', providerRef: string, provider: PaymentProviderName, status: 'PAID' | 'FAILED', settledAt: Date) => {
    const pending = db.updateTable('sandbox_payments').set({ status, settled_at: settledAt }).where('provider_ref', '=', providerRef).where('status', '=', 'PENDING');
    return (shape === 'provider' ? pending.where('provider', '=', provider) : pending).returningAll();
  }),
};

type LedgerRow = Selectable<Database['sandbox_payments']>;

/** The sandbox's books in a table, so every server process sees the same provider. */
function tableLedger(db: Executor): SandboxLedger {
  const paymentOf = (row: LedgerRow | undefined): SandboxPayment | undefined =>
    row === undefined
      ? undefined
      : { providerRef: row.provider_ref, provider: row.provider, orderId: row.order_id, amountFen: row.amount_fen, description: row.description, status: row.status, createdAt: row.created_at, settledAt: row.settled_at };
  const findRow = async (providerRef: string) => (await ledgerRows.find(db, 'only', providerRef))[0];
  return {
    find: async (providerRef) => paymentOf(await findRow(providerRef)),
    insert: async (payment) => {
      await ledgerRows.insert(db, 'only', payment.providerRef, payment.provider, payment.orderId, payment.amountFen, payment.description, payment.status, payment.createdAt, payment.settledAt);
    },
    // One statement while the payment is pending (the pay page's first press); a read only for a repeat.
    settle: async (providerRef, provider, status, settledAt) => {
      // The 'any' shape has no provider in its text; the name passed for it is not used.
      const [settled] = await ledgerRows.settle(db, provider === null ? 'any' : 'provider', providerRef, provider ?? 'ALIPAY', status, settledAt);
      const stored = settled ?? (await findRow(providerRef));
      return stored === undefined || (provider !== null && stored.provider !== provider) ? undefined : paymentOf(stored);
    },
  };
}

/** Both providers are sandboxes until contracts exist; each signs with its own key derived from the server secret. */
export function paymentProvider(ctx: ServiceContext, name: PaymentProviderName): SandboxProvider {
  return createSandboxProvider({
    name,
    secret: keyedHash(ctx.config.secret, 'payment-sandbox', name),
    publicBaseUrl: ctx.config.publicBaseUrl,
    ledger: tableLedger(ctx.db),
    clock: ctx.clock,
  });
}

/** An order with the ids of its enrolments, sorted: what an order's view shows. */
type OrderRow = Selectable<Database['payment_orders']> & { readonly enrolment_ids: readonly string[] };

const orderRows = preparedQuery((db: Executor, _shape: 'only', orderId: string) =>
  db
    .selectFrom('payment_orders')
    .selectAll('payment_orders')
    .select(
      sql<string[]>`(SELECT coalesce(json_agg(poe.enrolment_id ORDER BY poe.enrolment_id), '[]'::json) FROM payment_order_enrolments poe WHERE poe.order_id = payment_orders.id)`.as(
        'enrolment_ids',
      ),
    )
    .where('id', '=', orderId),
);

/** The order and its enrolments' ids in one statement, compiled once (the kiosk looks at an order after each payment). */
async function findOrder(db: Executor, orderId: string): Promise<OrderRow | undefined> {
  return (await orderRows(db, 'only', orderId))[0];
}

/** The order as clients see it: the pay URL only, which they draw as a QR code themselves. */
function orderView(ctx: ServiceContext, order: OrderRow) {
  const payUrl = order.pay_url ?? `${ctx.config.publicBaseUrl}/`;
  return {
    orderId: order.id,
    status: order.status,
    provider: order.provider,
    amountFen: order.amount_fen,
    enrolmentIds: [...order.enrolment_ids],
    payUrl,
    group: order.group_school_code !== null,
    createdAt: order.created_at,
    settledAt: order.settled_at,
  };
}

interface NewOrder {
  readonly id: string;
  readonly sessionId: string;
  readonly provider: PaymentProviderName;
  readonly enrolments: readonly HeldEnrolment[];
  readonly passportId: string | null;
  readonly school: string | null;
  readonly staffId: string | null;
  readonly now: Date;
}

/** The order's row written out in full (no column defaults), so an answer can be built from it without reading it back. */
function orderRow(values: NewOrder, payment: CreatedPayment | null): Selectable<Database['payment_orders']> {
  return {
    id: values.id,
    exam_session_id: values.sessionId,
    provider: values.provider,
    provider_ref: payment?.providerRef ?? null,
    pay_url: payment?.payUrl ?? null,
    status: 'PENDING',
    amount_fen: totalFen(values.enrolments),
    passport_id: values.passportId,
    group_school_code: values.school,
    created_by_staff_id: values.staffId,
    created_at: values.now,
    settled_at: null,
    released_at: null,
  };
}

/**
 * Writes the order and its enrolments in one statement (the order in a WITH, whose rows the foreign
 * key sees at the statement's end), with the provider's payment when it was asked for first.
 */
async function insertOrder(db: Executor, values: NewOrder, payment: CreatedPayment | null) {
  const row = orderRow(values, payment);
  await db
    .with('new_order', (db) => db.insertInto('payment_orders').values(row).returning('id'))
    .insertInto('payment_order_enrolments')
    .values(values.enrolments.map((enrolment) => ({ order_id: values.id, enrolment_id: enrolment.id, fee_fen: enrolment.feeFen })))
    .execute();
  return row;
}

function enrolmentIdsOf(order: NewOrder): string[] {
  return order.enrolments.map((enrolment) => enrolment.id).sort();
}

/** The provider's payment for an order (a real provider's is a network call: never inside a transaction). */
function providerPayment(ctx: ServiceContext, order: NewOrder, description: string): Promise<CreatedPayment> {
  return paymentProvider(ctx, order.provider).createPayment({ orderId: order.id, amountFen: totalFen(order.enrolments), description });
}

/** After the group order's commit: the provider's payment, stored on the order; the answer is built from what was written, not read again. */
async function startPayment(ctx: ServiceContext, order: NewOrder, description: string) {
  const created = await providerPayment(ctx, order, description);
  const updated = await ctx.db.updateTable('payment_orders').set({ provider_ref: created.providerRef, pay_url: created.payUrl }).where('id', '=', order.id).returningAll().executeTakeFirstOrThrow();
  return orderView(ctx, { ...updated, enrolment_ids: enrolmentIdsOf(order) });
}

/** The selection, all payable: unpaid, not locked by a group payment, and no oral without its written subject (R9). */
function payableSelection(enrolments: readonly HeldEnrolment[], ids: readonly string[]): HeldEnrolment[] {
  const wanted = new Set(ids);
  const selected = enrolments.filter((enrolment) => wanted.has(enrolment.id));
  if (selected.length !== wanted.size || payableEnrolments(selected).length !== selected.length) refuseWith('PAYMENT_ENROLMENT_NOT_PAYABLE', { field: 'enrolmentIds' });
  check(checkOralPaidWithWritten(selected, enrolments));
  return selected;
}

export function createOrder(ctx: ServiceContext, passportId: string, input: { enrolmentIds: readonly string[]; provider: PaymentProviderName }) {
  return command(async () => {
    const now = ctx.clock.now();
    const { reference, session } = await currentSession(ctx);
    // Judged on an unlocked reading and written in one statement, without a transaction or the
    // registration's lock: making an order changes no enrolment, and an enrolment may already sit in
    // several pending orders or leave one (cancelled or expired; an order outlives it, migration
    // 0004), so an order judged here is the same as one made just before whatever another command
    // commits meanwhile. Two round trips fewer than BEGIN, a locked reading, the insert and COMMIT.
    const read = await readState(ctx.db, reference, passportId, session.id);
    if (read === undefined) return refuseWith('REGISTRATION_REQUIRED');
    const selected = payableSelection(read.state.enrolments, input.enrolmentIds);
    const order: NewOrder = { id: newId(), sessionId: session.id, provider: input.provider, enrolments: selected, passportId, school: null, staffId: null, now };
    // The provider's payment first, then the order with its reference in one statement: one round
    // trip fewer than inserting, asking and updating. Should the insert fail, the provider holds a
    // payment whose pay URL nobody was given, which expires unpaid (a notice for it would name no order).
    const payment = await providerPayment(ctx, order, `${session.name} 报名费`);
    const row = await insertOrder(ctx.db, order, payment);
    return orderView(ctx, { ...row, enrolment_ids: enrolmentIdsOf(order) });
  });
}

async function ownOrder(ctx: ServiceContext, orderId: string, owner: { passportId: string } | { schoolCode: string }): Promise<OrderRow> {
  const order = await findOrder(ctx.db, orderId);
  const mine = order !== undefined && ('passportId' in owner ? order.passport_id === owner.passportId : order.group_school_code === owner.schoolCode);
  if (!mine) refuseWith('NOT_FOUND', { field: 'orderId' });
  return order;
}

export function getOrder(ctx: ServiceContext, passportId: string, orderId: string) {
  return command(async () => orderView(ctx, await ownOrder(ctx, orderId, { passportId })));
}

type LockedOrder = Selectable<Database['payment_orders']>;

/**
 * The one place a settlement is applied, on the order the caller locked (FOR UPDATE) in the same
 * transaction: decideSettlement (payment/notice.ts) makes a repeated notice, or a notice racing a
 * re-query, change the order once. Paid marks the order's still-unpaid enrolments paid and lifts a
 * group lock; failed only lifts the lock.
 */
async function applySettlement(trx: Transaction<Database>, order: LockedOrder | undefined, settlement: Settlement): Promise<void> {
  if (order === undefined) refuseWith('PAYMENT_REFERENCE_UNKNOWN');
  const decided = decideSettlement(orderForSettlement(order), settlement);
  if (!decided.ok) refuseWith(decided.error.code, decided.error);
  if (decided.value.kind !== 'ALREADY_APPLIED') await writeSettlement(trx, order, decided.value, null);
}

function orderForSettlement(order: LockedOrder): OrderForSettlement {
  if (order.provider_ref === null) refuseWith('PAYMENT_REFERENCE_UNKNOWN');
  return { orderId: order.id, providerRef: order.provider_ref, amountFen: order.amount_fen, status: order.status };
}

interface NoticeRow {
  readonly provider: PaymentProviderName;
  readonly noticeId: string;
  readonly status: string;
  readonly receivedAt: Date;
}

/**
 * A decided effect in one statement: the order's row, only while its status is still the one the
 * effect was decided on (in a WITH), then through it its enrolments (paid marks the still-unpaid
 * ones paid and lifts a group lock; failed only lifts the lock) and, when given, the notice's row.
 * True when the order was still as judged, i.e. when anything was written.
 */
async function writeSettlement(db: Executor, judged: LockedOrder, effect: Exclude<SettlementEffect, { kind: 'ALREADY_APPLIED' }>, notice: NoticeRow | null): Promise<boolean> {
  const status = effect.kind === 'MARK_PAID' ? 'PAID' : 'FAILED';
  const enrolments =
    effect.kind === 'MARK_PAID'
      ? sql`UPDATE enrolments SET payment_status = 'PAID', paid_at = ${effect.settledAt}, group_payment_order_id = NULL
          WHERE id IN (SELECT enrolment_id FROM payment_order_enrolments WHERE order_id IN (SELECT id FROM settled_order)) AND payment_status = 'UNPAID'`
      : sql`UPDATE enrolments SET group_payment_order_id = NULL WHERE group_payment_order_id IN (SELECT id FROM settled_order)`;
  const noticeRow =
    notice === null
      ? sql``
      : sql`, notice_row AS (
          INSERT INTO payment_notices (provider, notice_id, order_id, status, received_at)
          SELECT ${notice.provider}::text, ${notice.noticeId}::text, id, ${notice.status}::text, ${notice.receivedAt}::timestamptz FROM settled_order
          ON CONFLICT (provider, notice_id) DO NOTHING)`;
  // Four variants (paid or failed, with a notice or not), each planned once per connection: planning it cost 0.27 ms a call.
  const { rows } = await executeNamed(
    db,
    sql<{ settled: string | number }>`
    WITH settled_order AS (
      UPDATE payment_orders SET status = ${status}, settled_at = ${effect.settledAt} WHERE id = ${judged.id} AND status = ${judged.status} RETURNING id
    ), settled_enrolments AS (${enrolments})${noticeRow}
    SELECT count(*) AS settled FROM settled_order`,
  );
  return Number(rows[0]?.settled ?? 0) === 1;
}

/** The 更新 button: asks the provider and applies what it says; a payment still under way leaves the order pending. */
async function refresh(ctx: ServiceContext, order: OrderRow) {
  if (order.status === 'PENDING' && order.provider_ref !== null) {
    const state = await paymentProvider(ctx, order.provider).queryPayment(order.provider_ref);
    if (!state.ok) refuseWith(state.error.code, state.error);
    const settlement = settlementOfState(state.value);
    if (settlement !== null) {
      await ctx.db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('payment_orders').selectAll().where('id', '=', settlement.orderId).forUpdate().executeTakeFirst();
        await applySettlement(trx, locked, settlement);
      });
    }
  }
  return orderView(ctx, (await findOrder(ctx.db, order.id)) ?? order);
}

export function refreshOrder(ctx: ServiceContext, passportId: string, orderId: string) {
  return command(async () => refresh(ctx, await ownOrder(ctx, orderId, { passportId })));
}

/**
 * A verified notice, applied once: the (provider, notice id) row makes a delivered-again notice a
 * no-op. The notice's row is written and its order locked in one statement (the insert in a WITH).
 */
async function applyNotice(ctx: ServiceContext, notice: PaymentNotice): Promise<void> {
  // Nearly always nothing else writes the order while its notice comes: judged on the order as read
  // now and written in one statement that applies only while the order is still so (writeSettlement),
  // two round trips instead of four. A refusal, a repeat or a race goes the locked way below.
  const seen = await findOrder(ctx.db, notice.orderId);
  if (seen !== undefined && seen.provider_ref !== null) {
    const decided = decideSettlement(orderForSettlement(seen), settlementOfNotice(notice));
    if (decided.ok && decided.value.kind !== 'ALREADY_APPLIED') {
      const row = { provider: notice.provider, noticeId: notice.noticeId, status: notice.status, receivedAt: ctx.clock.now() };
      if (await writeSettlement(ctx.db, seen, decided.value, row)) return;
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx
      .with('fresh_notice', (db) =>
        db
          .insertInto('payment_notices')
          .values({ provider: notice.provider, notice_id: notice.noticeId, order_id: notice.orderId, status: notice.status, received_at: ctx.clock.now() })
          .onConflict((oc) => oc.columns(['provider', 'notice_id']).doNothing())
          .returning('notice_id'),
      )
      .selectFrom('payment_orders')
      .selectAll('payment_orders')
      .select((eb) => eb.exists(eb.selectFrom('fresh_notice').select('notice_id')).as('fresh'))
      .where('payment_orders.id', '=', notice.orderId)
      .forUpdate('payment_orders')
      .executeTakeFirst();
    // Unreachable in practice: the notice row's foreign key already fails for an order that is not ours.
    if (locked === undefined) refuseWith('PAYMENT_REFERENCE_UNKNOWN');
    const { fresh, ...order } = locked;
    if (fresh) await applySettlement(trx, order, settlementOfNotice(notice));
  });
}

/** A provider's signed notice; a delivered-again notice is still acknowledged. */
export function receiveNotice(ctx: ServiceContext, input: { provider: PaymentProviderName; notice: string; signature: string }) {
  return command(async () => {
    const verified = paymentProvider(ctx, input.provider).verifyCallback(input.notice, input.signature);
    if (!verified.ok) refuseWith(verified.error.code, verified.error);
    await applyNotice(ctx, verified.value);
    return { acknowledged: true as const };
  });
}

/** The sandbox pay page's data; undefined for a reference it never issued. */
export async function sandboxPayment(ctx: ServiceContext, providerRef: string): Promise<SandboxPayment | undefined> {
  return tableLedger(ctx.db).find(providerRef);
}

/** The pay page's buttons: the sandbox settles, then delivers its signed notice to our callback as a provider would. */
export function settleSandboxPayment(ctx: ServiceContext, providerRef: string, outcome: 'PAID' | 'FAILED') {
  return command(async () => {
    // One UPDATE settles whichever provider's payment this is; that provider's key then signs.
    const payment = await tableLedger(ctx.db).settle(providerRef, null, outcome, ctx.clock.now());
    if (payment === undefined) refuseWith('PAYMENT_REFERENCE_UNKNOWN');
    const provider = paymentProvider(ctx, payment.provider);
    const signed = provider.noticeFor(payment, outcome);
    if (!signed.ok) refuseWith(signed.error.code, signed.error);
    // Checked as our callback checks any provider's notice, then applied the same way.
    const verified = provider.verifyCallback(signed.value.body, signed.value.signature);
    if (!verified.ok) refuseWith(verified.error.code, verified.error);
    await applyNotice(ctx, verified.value);
    return payment;
  });
}

type Teacher = StaffActor & { readonly schoolCode: string };

function teacherSchool(teacher: StaffActor): Teacher {
  if (teacher.schoolCode === null) refuseWith('FORBIDDEN');
  return teacher as Teacher;
}

/** Unpaid enrolments whose offering is at the teacher's school: what 集体缴费 may cover. */
export function listGroupPayable(ctx: ServiceContext, staff: StaffActor, input: { campusCode?: string; subjectCode?: string; cursor?: string; limit: number }) {
  return command(async () => {
    const teacher = teacherSchool(staff);
    const { session } = await currentSession(ctx);
    let query = ctx.db
      .selectFrom('enrolments')
      .innerJoin('registrations', 'registrations.id', 'enrolments.registration_id')
      .innerJoin('offerings', 'offerings.id', 'enrolments.offering_id')
      .innerJoin('campuses', 'campuses.code', 'offerings.campus_code')
      .innerJoin('subjects', 'subjects.code', 'enrolments.subject_code')
      .select([
        'enrolments.id',
        'enrolments.fee_fen',
        'enrolments.created_at',
        'enrolments.group_payment_order_id',
        'registrations.roster_snapshot',
        'campuses.code as campus_code',
        'campuses.name as campus_name',
        'subjects.code as subject_code',
        'subjects.name as subject_name',
        'subjects.kind',
        'subjects.level',
        'subjects.language',
      ])
      .where('registrations.exam_session_id', '=', session.id)
      .where('campuses.school_code', '=', teacher.schoolCode)
      .where('enrolments.payment_status', '=', 'UNPAID')
      .orderBy('enrolments.id')
      .limit(input.limit + 1);
    if (input.campusCode !== undefined) query = query.where('campuses.code', '=', input.campusCode);
    if (input.subjectCode !== undefined) query = query.where('subjects.code', '=', input.subjectCode);
    if (input.cursor !== undefined) query = query.where('enrolments.id', '>', input.cursor);
    const rows = await query.execute();
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((row) => ({
        enrolmentId: row.id,
        name: row.roster_snapshot.name,
        studentNumber: row.roster_snapshot.studentNumber,
        subject: { code: row.subject_code, name: row.subject_name, kind: row.kind, level: row.level, language: row.language },
        campus: { code: row.campus_code, name: row.campus_name },
        feeFen: row.fee_fen,
        createdAt: row.created_at,
        groupPaymentLock: row.group_payment_order_id !== null,
      })),
      nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  });
}

/**
 * 集体缴费: one order for enrolments of the teacher's school, which it locks (the sweeper and the
 * candidates leave them alone) until it is paid, fails or is released. Audited.
 */
export function createGroupPayment(ctx: ServiceContext, staff: StaffActor, input: { enrolmentIds: readonly string[]; provider: PaymentProviderName }) {
  return command(async () => {
    const teacher = teacherSchool(staff);
    const now = ctx.clock.now();
    const { reference, session } = await currentSession(ctx);
    const orderId = newId();
    const order = await ctx.db.transaction().execute(async (trx) => {
      const owners = await trx
        .selectFrom('enrolments')
        .innerJoin('registrations', 'registrations.id', 'enrolments.registration_id')
        .select(['registrations.id', 'registrations.passport_id'])
        .distinct()
        .where('enrolments.id', 'in', [...input.enrolmentIds])
        .where('registrations.exam_session_id', '=', session.id)
        .orderBy('registrations.id')
        .execute();
      const selected: HeldEnrolment[] = [];
      for (const owner of owners) {
        const read = await readState(trx, reference, owner.passport_id, session.id, { forUpdate: true });
        if (read === undefined) return refuseWith('REGISTRATION_REQUIRED');
        const { state } = read;
        const mine = state.enrolments.filter((enrolment) => input.enrolmentIds.includes(enrolment.id));
        if (mine.some((enrolment) => enrolment.offering.schoolCode !== teacher.schoolCode)) refuseWith('FORBIDDEN', { field: 'enrolmentIds' });
        selected.push(...payableSelection(state.enrolments, mine.map((enrolment) => enrolment.id)));
      }
      if (selected.length !== new Set(input.enrolmentIds).size) refuseWith('PAYMENT_ENROLMENT_NOT_PAYABLE', { field: 'enrolmentIds' });
      const values: NewOrder = { id: orderId, sessionId: session.id, provider: input.provider, enrolments: selected, passportId: null, school: teacher.schoolCode, staffId: teacher.staffId, now };
      await insertOrder(trx, values, null);
      await trx.updateTable('enrolments').set({ group_payment_order_id: orderId }).where('id', 'in', selected.map((enrolment) => enrolment.id)).execute();
      await recordAudit(
        trx,
        { actor: auditActorOf(teacher), action: 'group_payment.created', target: { kind: 'payment_order', id: orderId }, details: { schoolCode: teacher.schoolCode, enrolments: selected.length, amountFen: totalFen(selected), provider: input.provider } },
        now,
      );
      return values;
    });
    return startPayment(ctx, order, `${session.name} 集体缴费`);
  });
}

export function getGroupPayment(ctx: ServiceContext, staff: StaffActor, orderId: string) {
  return command(async () => refresh(ctx, await ownOrder(ctx, orderId, { schoolCode: teacherSchool(staff).schoolCode })));
}

/** Gives a pending group order up: its enrolments are unlocked; a payment that arrives later still pays them (the money is in). */
export function releaseGroupPayment(ctx: ServiceContext, staff: StaffActor, orderId: string) {
  return command(async () => {
    const teacher = teacherSchool(staff);
    const now = ctx.clock.now();
    await ownOrder(ctx, orderId, { schoolCode: teacher.schoolCode });
    return ctx.db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('payment_orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirstOrThrow();
      if (order.status !== 'PENDING') refuseWith('PAYMENT_ORDER_NOT_PENDING');
      await trx.updateTable('payment_orders').set({ status: 'FAILED', released_at: now, settled_at: now }).where('id', '=', orderId).execute();
      const released = await trx.updateTable('enrolments').set({ group_payment_order_id: null }).where('group_payment_order_id', '=', orderId).executeTakeFirst();
      await recordAudit(trx, { actor: auditActorOf(teacher), action: 'group_payment.released', target: { kind: 'payment_order', id: orderId }, details: { schoolCode: teacher.schoolCode } }, now);
      return { released: Number(released.numUpdatedRows) };
    });
  });
}
