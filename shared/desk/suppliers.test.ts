import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';
import { defaultWeekly } from './calendars.ts';
import {
  replaySupplier,
  type SupplierState,
  type SupplierTerms,
  type SupplierWorld,
  stepSupplier,
} from './suppliers.ts';

// The supplier clocks' rules on the default desk hours (weekdays 07–16, Stockholm): 2026-03-02 is
// a Monday, Stockholm is UTC+1. CGI's Heroma contract: P3 60/240, P2 30/120 business minutes.

const calendar = compileCalendar({
  timeZone: 'Europe/Stockholm',
  weekly: defaultWeekly,
  swedishHolidays: true,
  openHolidays: [],
  extraClosedDates: [],
  exceptions: [],
});
const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 2, day, hh - 1, mm));

const heroma: SupplierTerms = {
  contractId: 'k-heroma',
  levelId: 'l-heroma',
  calendarId: null,
  calendar,
  warningPercent: 80,
  targets: {
    '1': { response: 15, resolution: 60 },
    '2': { response: 30, resolution: 120 },
    '3': { response: 60, resolution: 240 },
    '4': { response: null, resolution: null },
  },
};
const other: SupplierTerms = { ...heroma, contractId: 'k-other', levelId: 'l-other' };

function world(contracts: { terms: SupplierTerms; supplier: string; systems: string[] }[]): SupplierWorld {
  return {
    supplierOfGroup: (g) => (g === 'cgi-group' ? 'cgi' : g === 'atea-group' ? 'atea' : null),
    supplierOfSystem: (system) => {
      const found = new Set(
        contracts.filter((c) => system && c.systems.includes(system)).map((c) => c.supplier),
      );
      return found.size === 1 ? [...found][0]! : null;
    },
    contractFor: (supplier, system) => {
      const own = contracts.filter((c) => c.supplier === supplier);
      return (
        (own.find((c) => system && c.systems.includes(system)) ?? (own.length === 1 ? own[0] : undefined))
          ?.terms ?? null
      );
    },
    termsOf: (id) => contracts.find((c) => c.terms.contractId === id)?.terms ?? null,
  };
}

const cgiWorld = world([
  { terms: heroma, supplier: 'cgi', systems: ['heroma'] },
  { terms: other, supplier: 'cgi', systems: ['lifecare'] },
]);

const state = (patch: Partial<SupplierState>): SupplierState => ({
  status: 'inProgress',
  groupId: 'own',
  assigned: true,
  priority: 3,
  systemId: 'heroma',
  ...patch,
});

describe('supplier clocks', () => {
  it('runs from the hand-over on business time, pauses for the requester and stops when the ticket comes back', () => {
    const spells = replaySupplier(cgiWorld, [
      { at: at(2, 15, 30), state: state({}) },
      // Handed over at 15:30 Monday: 30 business minutes before closing.
      { at: at(2, 15, 30), state: state({ groupId: 'cgi-group', assigned: false }) },
      // Taken Tuesday 07:20 (response 50: on time against 60).
      { at: at(3, 7, 20), state: state({ groupId: 'cgi-group', assigned: true }) },
      { at: at(3, 8, 0), state: state({ groupId: 'cgi-group', status: 'waitingRequester' }) },
      { at: at(3, 10, 0), state: state({ groupId: 'cgi-group' }) },
      // Back to the own group 11:00: 30 + 60 (07–08) + 60 (10–11) = 150 minutes with CGI.
      { at: at(3, 11, 0), state: state({}) },
    ]);
    expect(spells).toHaveLength(1);
    const [spell] = spells;
    expect(spell).toMatchObject({ supplierId: 'cgi', groupId: 'cgi-group', contractId: 'k-heroma' });
    expect(spell!.endedAt).toBe(at(3, 11, 0).toISOString());
    expect(spell!.sla!.response).toMatchObject({ phase: 'met', usedMs: 50 * 60_000, breachedAt: null });
    expect(spell!.sla!.resolution).toMatchObject({ phase: 'met', usedMs: 150 * 60_000, breachedAt: null });
  });

  it('retargets on a priority change, keeping the time used, and marks a breach', () => {
    const open = stepSupplier(cgiWorld, null, null, state({}), state({ groupId: 'cgi-group' }), at(2, 8, 0));
    expect(open.current!.sla!.resolution.target).toBe(240);
    const raised = stepSupplier(
      cgiWorld,
      open.current,
      open.current,
      state({ groupId: 'cgi-group' }),
      state({ groupId: 'cgi-group', priority: 2 }),
      at(2, 9, 0),
    );
    expect(raised.ended).toBeNull();
    expect(raised.current!.sla!.resolution).toMatchObject({ target: 120, usedMs: 60 * 60_000 });
    // Still with CGI at 10:30: 150 minutes against 120, and the response never came: both breached.
    const solved = stepSupplier(
      cgiWorld,
      raised.current,
      raised.current,
      state({ groupId: 'cgi-group', priority: 2 }),
      state({ groupId: 'cgi-group', priority: 2, status: 'solved' }),
      at(2, 10, 30),
    );
    expect(solved.current).toBeNull();
    // The response was due at 09:00 on the first target: breached at the raise, and it stays so.
    expect(solved.ended!.sla!.response.breachedAt).toBe(at(2, 9, 0).toISOString());
    expect(solved.ended!.sla!.resolution.breachedAt).toBe(at(2, 10, 0).toISOString());
  });

  it('follows a wait for the supplier in an own group: the supplier last had it, else the system’s', () => {
    const bySystem = replaySupplier(cgiWorld, [
      { at: at(2, 8, 0), state: state({}) },
      { at: at(2, 9, 0), state: state({ status: 'waitingSupplier', systemId: 'lifecare' }) },
      { at: at(2, 9, 45), state: state({ systemId: 'lifecare' }) },
    ]);
    expect(bySystem).toMatchObject([{ supplierId: 'cgi', groupId: null, contractId: 'k-other' }]);
    // An own agent's reply while waiting is not the supplier's answer: the response came at 09:45.
    const replied = replaySupplier(cgiWorld, [
      { at: at(2, 9, 0), state: state({ status: 'waitingSupplier', systemId: 'lifecare' }) },
      {
        at: at(2, 9, 10),
        state: state({ status: 'waitingSupplier', systemId: 'lifecare' }),
        responded: true,
      },
      { at: at(2, 9, 45), state: state({ systemId: 'lifecare' }) },
    ]);
    expect(replied[0]!.sla!.response.usedMs).toBe(45 * 60_000);
    expect(bySystem[0]!.sla!.resolution.usedMs).toBe(45 * 60_000);
    // Atea's group had it, then it waits for Atea in the own group: a second stay, Atea's, unmeasured.
    const byLast = replaySupplier(cgiWorld, [
      { at: at(2, 8, 0), state: state({ groupId: 'atea-group' }) },
      { at: at(2, 9, 0), state: state({}) },
      { at: at(2, 10, 0), state: state({ status: 'waitingSupplier' }) },
      { at: at(2, 11, 0), state: state({ status: 'solved' }) },
    ]);
    expect(byLast.map((s) => [s.supplierId, s.contractId, s.sla])).toEqual([
      ['atea', null, null],
      ['atea', null, null],
    ]);
    expect(byLast.every((s) => s.endedAt !== null)).toBe(true);
  });

  it('chooses the contract covering the system, else the single one, else none', () => {
    const hand = (w: SupplierWorld, systemId: string | null) =>
      stepSupplier(w, null, null, null, state({ groupId: 'cgi-group', systemId }), at(2, 8, 0)).current!;
    expect(hand(cgiWorld, 'lifecare').contractId).toBe('k-other');
    expect(hand(cgiWorld, 'heroma').contractId).toBe('k-heroma');
    // Two contracts, neither covering the system: no clocks.
    expect(hand(cgiWorld, null)).toMatchObject({ contractId: null, sla: null });
    const single = world([{ terms: heroma, supplier: 'cgi', systems: ['heroma'] }]);
    expect(hand(single, 'e-post').contractId).toBe('k-heroma');
  });
});
