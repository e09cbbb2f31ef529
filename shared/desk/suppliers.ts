import { z } from 'zod';
import { id } from '../text.ts';
import type { CompiledCalendar } from './calendar.ts';
import type { Targets as LevelTargets, priorities } from './services.ts';
import { advanceSla, meetClock, pauseSla, resumeSla, retargetSla, type Sla, startSla } from './sla.ts';

// Underpinning contracts (issue 13 point 4, seed 000: "följa upp leverantörsavtal"): a supplier's
// tickets measured against the levels the supplier promised. The promise is a service level of
// kind `underpinning` that names a contract of the register (desk_service_levels.contract_id; the
// registry knows nothing of the desk). A ticket is with a supplier while a supplier group holds it,
// or while it waits for a supplier (väntar på leverantör): the supplier it was last with, else the
// supplier whose contract covers the ticket's system. Each stay with a supplier is a spell with its
// own clocks, counted by the same pure functions as the ticket's own (./sla.ts), on the contract
// level's calendar (the supplier's hours), for the ticket's priority:
// - response: met by the supplier group's first action after the hand-over (a public reply, taking
//   the ticket: an assignee in the supplier group, or status pågår), or by the ticket leaving them
//   (a ticket waiting for the supplier in an own group: when the wait ends);
// - resolution: met when the ticket leaves the supplier (solved, closed, or back to an own group
//   and no longer waiting for the supplier);
// - both pause while the ticket waits for the requester (the supplier cannot go on then).
// Which contract: the supplier's contract with levels that covers the ticket's system, else the
// supplier's single contract with levels, each in force on the day of the hand-over; none: the spell
// has no clocks (shown as "no contract with levels"). The server replays a live change and an
// imported history through stepSupplier alike, so both come out the same.

/** The contracted levels of one contract, ready to count. */
export interface SupplierTerms {
  contractId: string;
  levelId: string;
  calendarId: string | null;
  calendar: CompiledCalendar;
  warningPercent: number;
  targets: LevelTargets;
}

/** What the step needs to know of the tenant: which groups are suppliers', and the contracts. */
export interface SupplierWorld {
  /** The supplier of a supplier group; null for an own group (or none). */
  supplierOfGroup(groupId: string | null): string | null;
  /** The supplier whose contract with levels covers a system (one such supplier), else null. */
  supplierOfSystem(systemId: string | null, at: Date): string | null;
  /** The contract whose levels apply to a ticket of `systemId` handed to `supplierId` at `at`. */
  contractFor(supplierId: string, systemId: string | null, at: Date): SupplierTerms | null;
  /** The terms of a contract already chosen for a spell (a priority change retargets on it). */
  termsOf(contractId: string): SupplierTerms | null;
}

/** What of a ticket the supplier clocks follow. */
export interface SupplierState {
  status: string;
  groupId: string | null;
  assigned: boolean;
  priority: number;
  systemId: string | null;
}

/** One stay of a ticket with a supplier. */
export interface SupplierSpell {
  /** The stored row's id (absent on a spell just opened). */
  id?: string;
  supplierId: string;
  /** The supplier group that held it at the start (null: it waited for the supplier in an own group). */
  groupId: string | null;
  contractId: string | null;
  levelId: string | null;
  priority: number;
  startedAt: string;
  endedAt: string | null;
  /** The clocks (null: no contract with levels applies). */
  sla: Sla | null;
}

const DONE = new Set(['solved', 'closed']);

/** The supplier who has the ticket in `state` (the spell before it: the supplier it was last with). */
export function holderOf(
  state: SupplierState,
  world: SupplierWorld,
  last: SupplierSpell | null,
  at: Date,
): string | null {
  if (DONE.has(state.status)) return null;
  const byGroup = world.supplierOfGroup(state.groupId);
  if (byGroup) return byGroup;
  if (state.status === 'waitingSupplier')
    return last?.supplierId ?? world.supplierOfSystem(state.systemId, at);
  return null;
}

function targetsAt(terms: SupplierTerms, priority: number) {
  const key = String(priority) as (typeof priorities)[number];
  return terms.targets[key] ?? { response: null, resolution: null };
}

function openSpell(supplierId: string, state: SupplierState, world: SupplierWorld, at: Date): SupplierSpell {
  const terms = world.contractFor(supplierId, state.systemId, at);
  let sla: Sla | null = null;
  if (terms) {
    sla = startSla(
      {
        levelId: terms.levelId,
        calendarId: terms.calendarId,
        warningPercent: terms.warningPercent,
        targets: targetsAt(terms, state.priority),
        clockStart: 'creation',
      },
      terms.calendar,
      at,
    );
    if (state.status === 'waitingRequester') sla = pauseSla(sla, terms.calendar, at);
  }
  const groupSupplier = world.supplierOfGroup(state.groupId);
  return {
    supplierId,
    groupId: groupSupplier === supplierId ? state.groupId : null,
    contractId: terms?.contractId ?? null,
    levelId: terms?.levelId ?? null,
    priority: state.priority,
    startedAt: at.toISOString(),
    endedAt: null,
    sla,
  };
}

function closeSpell(spell: SupplierSpell, world: SupplierWorld, at: Date): SupplierSpell {
  const terms = spell.contractId ? world.termsOf(spell.contractId) : null;
  let sla = spell.sla;
  if (sla && terms) {
    sla = meetClock(sla, 'response', terms.calendar, at);
    sla = meetClock(sla, 'resolution', terms.calendar, at);
  }
  return { ...spell, sla, endedAt: at.toISOString() };
}

function goOn(
  spell: SupplierSpell,
  world: SupplierWorld,
  before: SupplierState,
  after: SupplierState,
  at: Date,
  responded: boolean,
): SupplierSpell {
  const terms = spell.contractId ? world.termsOf(spell.contractId) : null;
  if (!spell.sla || !terms) return { ...spell, priority: after.priority };
  let sla = advanceSla(spell.sla, at);
  if (after.priority !== spell.priority)
    sla = retargetSla(
      sla,
      terms.calendar,
      {
        levelId: terms.levelId,
        calendarId: terms.calendarId,
        warningPercent: terms.warningPercent,
        targets: targetsAt(terms, after.priority),
      },
      terms.calendar,
      at,
    );
  sla =
    after.status === 'waitingRequester'
      ? pauseSla(sla, terms.calendar, at)
      : resumeSla(sla, terms.calendar, at);
  // Only the supplier's group acts for the supplier: while the ticket waits for them in an own
  // group, an own agent's reply is not the supplier's answer (the response is met when it leaves).
  const theirs = spell.groupId !== null && after.groupId === spell.groupId;
  const took =
    (after.status === 'inProgress' && before.status !== 'inProgress') ||
    (after.assigned && !before.assigned && after.groupId === before.groupId);
  if (theirs && (responded || took)) sla = meetClock(sla, 'response', terms.calendar, at);
  return { ...spell, priority: after.priority, sla };
}

/**
 * The supplier clocks after one change of a ticket at `at` (`before` null: the ticket is made).
 * `open`: the spell still running, if any; `last`: the latest spell (open or ended). Answers the
 * spell that ended now (the open one, closed) and the one running after the change (the open one
 * going on, or a new one without id).
 */
export function stepSupplier(
  world: SupplierWorld,
  open: SupplierSpell | null,
  last: SupplierSpell | null,
  before: SupplierState | null,
  after: SupplierState,
  at: Date,
  responded = false,
): { ended: SupplierSpell | null; current: SupplierSpell | null } {
  const holder = holderOf(after, world, last, at);
  if (open && holder === open.supplierId)
    return { ended: null, current: goOn(open, world, before ?? after, after, at, responded) };
  const ended = open ? closeSpell(open, world, at) : null;
  const current = holder ? openSpell(holder, after, world, at) : null;
  return { ended, current };
}

/** Replays a whole history (an import): the spells in order. */
export function replaySupplier(
  world: SupplierWorld,
  steps: { at: Date; state: SupplierState; responded?: boolean }[],
): SupplierSpell[] {
  const spells: SupplierSpell[] = [];
  let open: SupplierSpell | null = null;
  let before: SupplierState | null = null;
  for (const { at, state, responded } of steps) {
    const { ended, current } = stepSupplier(
      world,
      open,
      spells.at(-1) ?? null,
      before,
      state,
      at,
      responded ?? false,
    );
    if (ended) spells[spells.length - 1] = ended;
    if (current) {
      // The open spell going on replaces itself; a new one is added.
      if (open && !ended) spells[spells.length - 1] = current;
      else spells.push(current);
    }
    open = current;
    before = state;
  }
  return spells;
}

// ---------------------------------------------------------------- API shapes

const ref = z.object({ id, name: z.string() }).nullable();

const isoDate = z.iso.date({ message: 'Must be a date YYYY-MM-DD' });

export const supplierReportQuery = z.strictObject({
  from: isoDate
    .optional()
    .describe('First day (Europe/Stockholm), included; default: 11 months before to’s month'),
  to: isoDate.optional().describe('Last day (Europe/Stockholm), included; default: today'),
});
export type SupplierReportQuery = z.infer<typeof supplierReportQuery>;

export const supplierReportExportQuery = supplierReportQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

const minutes = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
});

const clockFigures = z.object({
  /** Stays with a target that were settled (met or breached). */
  measured: z.number().int(),
  breached: z.number().int(),
  /** Share on time, 0–1 (null: nothing measured). */
  share: z.number().nullable(),
  /** Business minutes to the response / to leaving the supplier, requester waits left out. */
  minutes,
});

export const supplierReportRow = z.object({
  supplier: z.object({ id, name: z.string() }),
  /** null: stays under no contract with levels (not measured). */
  contract: z.object({ id, title: z.string(), contractNumber: z.string().nullable() }).nullable(),
  serviceLevel: ref,
  /** Distinct tickets with a stay in the period. */
  tickets: z.number().int(),
  /** Stays (hand-overs) begun in the period. */
  spells: z.number().int(),
  /** Of them still with the supplier. */
  open: z.number().int(),
  response: clockFigures,
  resolution: clockFigures,
  /** Response and resolution breaches together. */
  breaches: z.number().int(),
});
export type SupplierReportRow = z.infer<typeof supplierReportRow>;

export const supplierReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(supplierReportRow),
});
export type SupplierReport = z.infer<typeof supplierReport>;
