import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import {
  type CorrectionCreate,
  type DisputeListQuery,
  type DisputeResolve,
  nextPeriod,
  type Proration,
  type RunLineListQuery,
  type RunSettingsUpdate,
} from '../../../../shared/catalogue/runs.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { lockRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { insertAllocationLines } from '../allocations/compute.ts';
import { offerings } from '../offerings/schema.ts';
import { unitChain } from '../orders/service.ts';
import { cataloguePolicy } from '../policy.ts';
import {
  computedLines,
  copyComputedLines,
  createComputedLines,
  insertComputedLines,
  refreshTotals,
  syncComputedLines,
} from './compute.ts';
import { insertDeskHourLines } from './desk-hours.ts';
import { disputes, runLines, runSettings, runs } from './schema.ts';

// The rules of the chargeback run: the only writer of ./schema.ts.
//
// Computing a month (a preview) is one transaction: the run's row is inserted if missing (`on
// conflict do nothing` on the unique period), then locked `for update`, so two computations at
// once, or one restarted after a crash, take turns and leave one run with one set of lines (the
// second finds the first's lines and leaves them). A locked run answers 409. The month's lines
// are computed into a temporary table and the run's computed lines brought to match it: those
// no longer computed are deleted, the new ones inserted, the unchanged ones keep their ids
// (./compute.ts); corrections and credits, written by people, are kept.
//
// Locking takes the run's version, so that what is locked is what the person last saw (a
// recomputation, a correction or a credit each move the version on). A locked run never changes:
// nothing here updates or deletes a line of a locked run. What was wrong in it is put right in a
// later run that is not locked: a correction (a signed line naming the locked line, by the
// catalogue's keepers) or the credit of an accepted dispute.
//
// A dispute is raised on a line of a locked run by who may attest for the line's unit (its
// ekonom, policy.ts attestFor over the unit's chain) or a keeper; one per line. Its resolution by
// a keeper either rejects it, or accepts it and writes a credit line — the negative of the line's
// amount, or of the part given — into the first later month whose run is not locked (its run
// created as a preview when there is none), which recomputations of that preview keep.

export type RunRow = typeof runs.$inferSelect;
export type LineRow = typeof runLines.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect;

const RUN = 'catalogueRun';
const LINE = 'catalogueRunLine';
const DISPUTE = 'catalogueDispute';
const SETTINGS = 'catalogueRunSettings';

const LOCKED = 'The run of this period is locked: corrections go into a later period';

// ---------------------------------------------------------------- settings

export async function getSettings(
  db: Executor,
  tenantId: string,
): Promise<{ proration: Proration; version: number }> {
  const [row] = await db.select().from(runSettings).where(eq(runSettings.tenantId, tenantId));
  return row
    ? { proration: row.proration as Proration, version: row.version }
    : { proration: 'month', version: 0 };
}

export function updateSettings(db: Database, actor: Actor, input: RunSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx.select().from(runSettings).where(s.where(runSettings)).for('update');
    if (!before) {
      if (input.version !== 0) throw problems.versionConflict(0);
      const [after] = await s.tx
        .insert(runSettings)
        .values({ tenantId: s.tenantId, proration: input.proration })
        .onConflictDoNothing()
        .returning();
      // Two first settings at once: the second finds the first's row.
      if (!after) throw problems.versionConflict(1);
      await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'create', after });
      return after;
    }
    assertVersion(before, input.version, SETTINGS);
    const [after] = await s
      .update(
        runSettings,
        { proration: input.proration, version: input.version + 1, updatedAt: new Date() },
        undefined,
      )
      .returning();
    await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'update', before, after });
    return after!;
  });
}

// ---------------------------------------------------------------- computing

/** The run of a period, inserted when missing, locked for the rest of the transaction. */
async function runOfPeriod(s: TenantScope, period: string): Promise<{ run: RunRow; created: boolean }> {
  const inserted = await s.tx
    .insert(runs)
    .values({ tenantId: s.tenantId, id: newId(), period })
    .onConflictDoNothing({ target: [runs.tenantId, runs.period] })
    .returning({ id: runs.id });
  const [run] = await s.tx
    .select()
    .from(runs)
    .where(s.where(runs, eq(runs.period, period)))
    .for('update');
  return { run: run!, created: inserted.length > 0 };
}

/** Creates or recomputes the preview of a month. */
export function computeRun(db: Database, actor: Actor, period: string): Promise<RunRow> {
  return inTenant(db, actor, async (s) => {
    const { run, created } = await runOfPeriod(s, period);
    if (run.state === 'locked') throw problems.conflict(LOCKED);
    const { proration } = await getSettings(s.tx, s.tenantId);
    const p = { tenantId: s.tenantId, runId: run.id };
    const compute = { ...p, period, proration, into: computedLines };
    // No JIT for these statements: PostgreSQL compiles a plan whose estimated cost is high, and
    // for the allocation statement (a handful of rows, a large estimate) the compilation took
    // 1.1 s of 1.2 (bench:catalogue); the plans here run in milliseconds without it.
    await s.tx.execute(sql`set local jit = off`);
    await s.tx.execute(createComputedLines());
    await s.tx.execute(insertComputedLines(compute));
    await s.tx.execute(insertDeskHourLines(compute));
    await s.tx.execute(insertAllocationLines(compute));
    // A run just created has no line to keep: its lines are copied, without matching.
    await s.tx.execute(created ? copyComputedLines(p) : syncComputedLines(p));
    await s.tx.execute(refreshTotals(p));
    const [after] = await s
      .update(runs, { proration, computedAt: new Date() }, eq(runs.id, run.id))
      .returning();
    await s.audit({
      entity: RUN,
      entityId: run.id,
      action: created ? 'create' : 'compute',
      before: created ? null : run,
      after,
    });
    return after!;
  });
}

export function lockRun(db: Database, actor: Actor, id: string, version: number): Promise<RunRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, runs, id);
    assertVersion(before, version, RUN);
    if (before!.state === 'locked') throw problems.conflict('The run is already locked');
    if (!before!.computedAt) throw problems.conflict('Compute the preview before locking it');
    const [after] = await s
      .update(
        runs,
        {
          state: 'locked',
          lockedAt: new Date(),
          lockedById: actor.personId,
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(runs.id, id),
      )
      .returning();
    await s.audit({ entity: RUN, entityId: id, action: 'lock', before, after });
    return after!;
  });
}

/** A line with its run's period and state, in the scope's tenant. */
async function lineWithRun(db: Executor, tenantId: string, lineId: string) {
  const [row] = await db
    .select({ line: runLines, period: runs.period, state: runs.state })
    .from(runLines)
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .where(and(eq(runLines.tenantId, tenantId), eq(runLines.id, lineId)));
  return row;
}

async function writeSignedLine(
  s: TenantScope,
  run: RunRow,
  of: LineRow,
  input: { source: 'correction' | 'credit'; amount: number; description: string; note: string },
): Promise<LineRow> {
  const [line] = await s
    .insert(runLines, {
      id: newId(),
      runId: run.id,
      unitId: of.unitId,
      offeringId: of.offeringId,
      subscriptionId: of.subscriptionId,
      orderId: of.orderId,
      source: input.source,
      description: input.description,
      quantity: '1',
      unitPrice: input.amount,
      amount: input.amount,
      costCentre: of.costCentre,
      account: of.account,
      activity: of.activity,
      counterpart: of.counterpart,
      correctsLineId: of.id,
      note: input.note,
      createdById: s.actor.personId,
    })
    .returning();
  await s.tx.execute(refreshTotals({ tenantId: s.tenantId, runId: run.id }));
  await s.audit({ entity: LINE, entityId: line!.id, action: 'create', after: line });
  return line!;
}

/** A signed correction, in an unlocked run, of a line of an earlier locked run. */
export function addCorrection(db: Database, actor: Actor, runId: string, input: CorrectionCreate) {
  return inTenant(db, actor, async (s) => {
    const run = await lockRow(s, runs, runId);
    if (!run) throw problems.notFound(RUN);
    if (run.state === 'locked') throw problems.conflict(LOCKED);
    const of = await lineWithRun(s.tx, s.tenantId, input.lineId);
    if (!of) throw problems.field('body.lineId', 'No such line');
    if (of.state !== 'locked' || of.period >= run.period)
      throw problems.field('body.lineId', 'Only a line of an earlier, locked period is corrected');
    const [now] = rowsOf<{ total: string | number }>(
      await s.tx.execute(sql`
        select (${of.line.amount}::bigint + coalesce(sum(amount), 0))::bigint as total
        from catalogue_run_lines
        where tenant_id = ${s.tenantId}::uuid and corrects_line_id = ${of.line.id}::uuid`),
    );
    const delta = input.amount - Number(now!.total);
    if (delta === 0) throw problems.conflict('The line already comes to this amount');
    return writeSignedLine(s, run, of.line, {
      source: 'correction',
      amount: delta,
      description: `Rättelse ${of.period}: ${of.line.description}`,
      note: input.reason.trim(),
    });
  });
}

// ---------------------------------------------------------------- disputes

/** Who may dispute a line of this unit: its attest (the ekonom over the unit's chain) or a keeper. */
export const mayDispute = (actor: Actor, chain: readonly string[]) =>
  cataloguePolicy.manage(actor) || cataloguePolicy.attestFor(actor, chain);

export async function createDispute(db: Database, actor: Actor, lineId: string, reason: string) {
  const of = await lineWithRun(db, actor.tenantId, lineId);
  if (!of) throw problems.notFound(LINE);
  const chain = await unitChain(db, actor.tenantId, of.line.unitId);
  if (!mayDispute(actor, chain)) throw problems.forbidden("Only the unit's ekonom disputes its lines");
  if (of.state !== 'locked') throw problems.conflict('Only a line of a locked period is disputed');
  try {
    return await inTenant(db, actor, async (s) => {
      const [row] = await s
        .insert(disputes, { id: newId(), lineId, reason: reason.trim(), raisedById: actor.personId })
        .returning();
      await s.audit({ entity: DISPUTE, entityId: row!.id, action: 'create', after: row });
      return row!;
    });
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_disputes_line_key')
      throw problems.conflict('The line is already disputed');
    throw error;
  }
}

/** The first month after `period` whose run is not locked, its run locked (created when missing). */
async function firstOpenRunAfter(s: TenantScope, period: string): Promise<RunRow> {
  const later = await s.tx
    .select({ period: runs.period, state: runs.state })
    .from(runs)
    .where(s.where(runs, sql`${runs.period} > ${period}`))
    .orderBy(asc(runs.period));
  const locked = new Set(later.filter((r) => r.state === 'locked').map((r) => r.period));
  let p = nextPeriod(period);
  while (locked.has(p)) p = nextPeriod(p);
  const { run } = await runOfPeriod(s, p);
  // Locked meanwhile by someone else: the next one.
  return run.state === 'locked' ? firstOpenRunAfter(s, p) : run;
}

export function resolveDispute(db: Database, actor: Actor, id: string, input: DisputeResolve) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, disputes, id);
    assertVersion(before, input.version, DISPUTE);
    if (before!.state !== 'open') throw problems.conflict(`The dispute is ${before!.state}`);
    let credit: { lineId: string; amount: number; period: string } | null = null;
    if (input.decision === 'accepted') {
      const of = (await lineWithRun(s.tx, s.tenantId, before!.lineId))!;
      const whole = Math.abs(of.line.amount);
      const part = input.amount ?? whole;
      if (whole === 0) throw problems.field('body.decision', 'The line has no amount to credit');
      if (part > whole) throw problems.field('body.amount', 'More than the line’s amount');
      const amount = of.line.amount > 0 ? -part : part;
      const run = await firstOpenRunAfter(s, of.period);
      const line = await writeSignedLine(s, run, of.line, {
        source: 'credit',
        amount,
        description: `Kreditering ${of.period}: ${of.line.description}`,
        note: input.note.trim(),
      });
      credit = { lineId: line.id, amount, period: run.period };
    }
    const [after] = await s
      .update(
        disputes,
        {
          state: input.decision,
          resolutionNote: input.note.trim(),
          resolvedById: actor.personId,
          resolvedAt: new Date(),
          creditLineId: credit?.lineId ?? null,
          creditedAmount: credit?.amount ?? null,
          creditedInPeriod: credit?.period ?? null,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(disputes.id, id),
      )
      .returning();
    await s.audit({ entity: DISPUTE, entityId: id, action: input.decision, before, after });
    return after!;
  });
}

// ---------------------------------------------------------------- reading

/**
 * The units whose lines a person who is not a keeper reads: their own unit and those under it
 * (a unit's people read its specification), and those under the units they attest for.
 */
export async function readableUnits(db: Executor, actor: Actor): Promise<string[] | 'all'> {
  if (cataloguePolicy.manage(actor)) return 'all';
  const roots = actor.grants
    .filter((g) => g.role === 'economist' && g.scope === 'unit' && g.scopeId)
    .map((g) => g.scopeId!);
  if (actor.personId) {
    const [me] = await db
      .select({ unitId: people.unitId })
      .from(people)
      .where(and(eq(people.tenantId, actor.tenantId), eq(people.id, actor.personId)));
    if (me?.unitId) roots.push(me.unitId);
  }
  if (roots.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive below(id, depth) as (
        select id, 0 from units where tenant_id = ${actor.tenantId}
          and id in (${sql.join(
            roots.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})
        union all
        select u.id, b.depth + 1 from units u
          join below b on u.tenant_id = ${actor.tenantId} and u.parent_id = b.id
        where b.depth < 50
      )
      select distinct id from below`),
  );
  return rows.map((r) => r.id);
}

const personName = (alias: typeof people) =>
  sql<
    string | null
  >`case when ${alias.id} is null then null else ${alias.givenName} || ' ' || ${alias.familyName} end`;

export interface RunView extends RunRow {
  lockedByName: string | null;
}

function runsWithNames(db: Executor) {
  return db
    .select({ row: runs, lockedByName: personName(people) })
    .from(runs)
    .leftJoin(people, and(eq(people.tenantId, runs.tenantId), eq(people.id, runs.lockedById)));
}

export async function getRun(db: Database, actor: Actor, id: string): Promise<RunView> {
  const s = readScope(db, actor);
  const [r] = await runsWithNames(db).where(s.where(runs, eq(runs.id, id)));
  if (!r) throw problems.notFound(RUN);
  return { ...r.row, lockedByName: r.lockedByName };
}

/** Runs newest period first (keyset on the period). */
export async function listRuns(db: Database, actor: Actor, query: { limit: number; cursor?: string }) {
  const s = readScope(db, actor);
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  const rows = await runsWithNames(db)
    .where(s.where(runs, after ? lt(runs.period, after[0]) : undefined))
    .orderBy(desc(runs.period))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => ({ ...r.row, lockedByName: r.lockedByName }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.period]) : null };
}

/**
 * The runs whose month a search term names: a year ("2026") or a month ("2026-10", "2026-3"), for
 * the global search; any other term names none.
 */
export async function searchRuns(db: Database, actor: Actor, term: string, limit: number) {
  const match = /^(\d{4})(?:-(\d{1,2}))?$/.exec(term.trim());
  if (!match) return [];
  const prefix = match[2] ? `${match[1]}-${match[2].padStart(2, '0')}` : `${match[1]}-`;
  const s = readScope(db, actor);
  return db
    .select({ id: runs.id, period: runs.period, state: runs.state, total: runs.total })
    .from(runs)
    .where(s.where(runs, sql`${runs.period} like ${`${prefix}%`}`))
    .orderBy(desc(runs.period))
    .limit(limit);
}

/** A run's total and line count per unit, by the unit's name. */
export async function unitTotals(db: Database, actor: Actor, runId: string) {
  return db
    .select({
      unitId: runLines.unitId,
      name: units.name,
      total: sql<number>`sum(${runLines.amount})::bigint`.mapWith(Number),
      lineCount: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(runLines)
    .innerJoin(units, and(eq(units.tenantId, runLines.tenantId), eq(units.id, runLines.unitId)))
    .where(and(eq(runLines.tenantId, actor.tenantId), eq(runLines.runId, runId)))
    .groupBy(runLines.unitId, units.name, units.sortName)
    .orderBy(asc(units.sortName), asc(runLines.unitId));
}

export interface LineView extends LineRow {
  period: string;
  runState: string;
  unitName: string;
  offeringName: string | null;
  disputeId: string | null;
  chain: string[];
}

function linesWithNames(db: Executor) {
  return db
    .select({
      line: runLines,
      period: runs.period,
      runState: runs.state,
      unitName: units.name,
      offeringName: offerings.name,
      disputeId: disputes.id,
    })
    .from(runLines)
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .innerJoin(units, and(eq(units.tenantId, runLines.tenantId), eq(units.id, runLines.unitId)))
    .leftJoin(
      offerings,
      and(eq(offerings.tenantId, runLines.tenantId), eq(offerings.id, runLines.offeringId)),
    )
    .leftJoin(disputes, and(eq(disputes.tenantId, runLines.tenantId), eq(disputes.lineId, runLines.id)));
}

type LineJoined = Awaited<ReturnType<ReturnType<typeof linesWithNames>['execute']>>[number];

async function lineViews(db: Executor, tenantId: string, rows: LineJoined[]): Promise<LineView[]> {
  const chains = new Map<string, string[]>();
  for (const r of rows)
    if (!chains.has(r.line.unitId)) chains.set(r.line.unitId, await unitChain(db, tenantId, r.line.unitId));
  return rows.map((r) => ({
    ...r.line,
    period: r.period,
    runState: r.runState,
    unitName: r.unitName,
    offeringName: r.offeringName,
    disputeId: r.disputeId,
    chain: chains.get(r.line.unitId)!,
  }));
}

export async function getLine(db: Database, actor: Actor, id: string): Promise<LineView> {
  const rows = await linesWithNames(db).where(
    and(eq(runLines.tenantId, actor.tenantId), eq(runLines.id, id)),
  );
  const [view] = await lineViews(db, actor.tenantId, rows);
  if (!view) throw problems.notFound(LINE);
  return view;
}

/** A run's lines by unit and id (keyset), those of the units the reader may read. */
export async function listLines(db: Database, actor: Actor, runId: string, query: RunLineListQuery) {
  await getRun(db, actor, runId);
  const readable = await readableUnits(db, actor);
  if (query.unitId && readable !== 'all' && !readable.includes(query.unitId))
    throw problems.forbidden("Only the unit's people and its ekonom read its lines");
  if (readable !== 'all' && readable.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await linesWithNames(db)
    .where(
      and(
        eq(runLines.tenantId, actor.tenantId),
        eq(runLines.runId, runId),
        query.unitId ? eq(runLines.unitId, query.unitId) : undefined,
        readable === 'all' ? undefined : inArray(runLines.unitId, readable),
        after
          ? sql`(${runLines.unitId}, ${runLines.id}) > (${after[0]}::uuid, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(runLines.unitId), asc(runLines.id))
    .limit(query.limit + 1);
  const items = await lineViews(db, actor.tenantId, rows.slice(0, query.limit));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.unitId, last.id]) : null,
  };
}

export interface DisputeView extends DisputeRow {
  period: string;
  unitId: string;
  unitName: string;
  description: string;
  amount: number;
  raisedByName: string | null;
  resolvedByName: string | null;
}

async function disputeViews(db: Executor, tenantId: string, where: SQL | undefined, limit?: number) {
  const raised = people;
  const rows = await db
    .select({
      row: disputes,
      period: runs.period,
      unitId: runLines.unitId,
      unitName: units.name,
      description: runLines.description,
      amount: runLines.amount,
      raisedByName: personName(raised),
      resolvedBy: disputes.resolvedById,
    })
    .from(disputes)
    .innerJoin(runLines, and(eq(runLines.tenantId, disputes.tenantId), eq(runLines.id, disputes.lineId)))
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .innerJoin(units, and(eq(units.tenantId, runLines.tenantId), eq(units.id, runLines.unitId)))
    .leftJoin(raised, and(eq(raised.tenantId, disputes.tenantId), eq(raised.id, disputes.raisedById)))
    .where(and(eq(disputes.tenantId, tenantId), where))
    .orderBy(desc(disputes.id))
    .limit(limit ?? 1000);
  const resolverIds = [...new Set(rows.map((r) => r.resolvedBy).filter((x): x is string => x !== null))];
  const names =
    resolverIds.length === 0
      ? []
      : await db
          .select({ id: people.id, name: personName(people) })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, resolverIds)));
  return rows.map(
    (r): DisputeView => ({
      ...r.row,
      period: r.period,
      unitId: r.unitId,
      unitName: r.unitName,
      description: r.description,
      amount: r.amount,
      raisedByName: r.raisedByName,
      resolvedByName: names.find((n) => n.id === r.resolvedBy)?.name ?? null,
    }),
  );
}

export async function getDispute(db: Database, actor: Actor, id: string): Promise<DisputeView> {
  const [view] = await disputeViews(db, actor.tenantId, eq(disputes.id, id));
  if (!view) throw problems.notFound(DISPUTE);
  const readable = await readableUnits(db, actor);
  if (readable !== 'all' && !readable.includes(view.unitId)) throw problems.notFound(DISPUTE);
  return view;
}

/** Disputes newest first (UUIDv7 ids), of the units the reader may read. */
export async function listDisputes(db: Database, actor: Actor, query: DisputeListQuery) {
  const readable = await readableUnits(db, actor);
  if (readable !== 'all' && readable.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  const rows = await disputeViews(
    db,
    actor.tenantId,
    and(
      query.state ? eq(disputes.state, query.state) : undefined,
      readable === 'all' ? undefined : inArray(runLines.unitId, readable),
      after ? lt(disputes.id, after[0]) : undefined,
    ),
    query.limit + 1,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}

// ---------------------------------------------------------------- audit names

export async function runRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: runs.id, period: runs.period })
    .from(runs)
    .where(and(eq(runs.tenantId, tenantId), inArray(runs.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `Debitering ${r.period}`, href: `/catalogue/runs/${r.id}`, archived: false },
    ]),
  );
}

export async function lineRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: runLines.id,
      runId: runLines.runId,
      description: runLines.description,
      period: runs.period,
    })
    .from(runLines)
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .where(and(eq(runLines.tenantId, tenantId), inArray(runLines.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.period} · ${r.description}`,
        href: `/catalogue/runs/${r.runId}`,
        archived: false,
      },
    ]),
  );
}

export async function disputeRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: disputes.id, description: runLines.description, period: runs.period })
    .from(disputes)
    .innerJoin(runLines, and(eq(runLines.tenantId, disputes.tenantId), eq(runLines.id, disputes.lineId)))
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .where(and(eq(disputes.tenantId, tenantId), inArray(disputes.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `Bestridande ${r.period} · ${r.description}`,
        href: '/catalogue/disputes',
        archived: false,
      },
    ]),
  );
}

export async function settingsRefs(_db: Executor, _tenantId: string, ids: readonly string[]) {
  return new Map<string, RecordRef>(
    ids.map((id) => [
      id,
      { id, name: 'Debiteringsinställningar', href: '/catalogue/run-settings', archived: false },
    ]),
  );
}
