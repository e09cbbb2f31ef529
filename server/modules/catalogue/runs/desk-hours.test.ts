import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { createTicket } from '../../desk/tickets/service.ts';
import { archiveTime, logTime } from '../../desk/time/service.ts';
import * as catalogue from '../offerings/service.ts';

// Billable desk hours in the month's run (issue 16 point 4): the billable time logged on tickets
// of a unit in billing mode on the day worked becomes one line per unit and perHour offering, in
// hours to two decimals at round(hours × internal price), on the unit's cost centre; time that is
// not billable, worked in another month or on a day under quality steering gives nothing; an
// archived entry drops out when the month is computed again, which replaces the lines.

let t: TestContext;
let admin: Session;
let schoolId: string;
let lateId: string;
let quietId: string;
let hours: string;
let consulting: string;

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload: payload as object });

/** A ticket of a unit, made by the admin (who works every group's tickets). */
async function ticket(title: string, unitId: string) {
  return createTicket(t.db, t.a.actor, { title, requesterId: t.a.adminId, unitId });
}

/** Logs time by the admin on a ticket. */
async function log(
  ticketId: string,
  workedOn: string,
  minutes: number,
  billable: boolean,
  offeringId = hours,
) {
  return logTime(t.db, t.a.actor, ticketId, {
    personId: t.a.adminId,
    workedOn,
    minutes,
    billable,
    offeringId: billable ? offeringId : null,
  });
}

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const unit = (name: string, costCentre: string) =>
    directory.createUnit(t.db, actor, { name, kind: 'subunit', costCentre }).then((u) => u.id);
  schoolId = await unit('Björkskolan', '4210');
  lateId = await unit('Kulturskolan', '4500');
  quietId = await unit('Tysta enheten', '4900');
  admin = await signIn(t.app, t.a.adminEmail);
  const desk = await createDeskService(t.db, actor, {
    name: 'Skoladministration',
    description: null,
    orderable: false,
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Verksamhetssystem' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  const offering = async (name: string, internalPrice: number) => {
    const id = (
      await catalogue.createOffering(t.db, actor, { serviceId: service.id, name, priceModel: 'perHour' })
    ).id;
    const card = await post('/api/v1/catalogue/rate-cards', {
      offeringId: id,
      startsOn: '2026-01-01',
      periodKind: 'year',
      internalPrice,
    });
    expect(card.statusCode, card.body).toBe(201);
    return id;
  };
  hours = await offering('Systemförvaltning per timme', 85_000);
  consulting = await offering('Konsulttimme', 100_000);
  // The school is billed all year; the culture school from the 16th of October; the quiet unit never.
  for (const [unitId, fromOn] of [
    [schoolId, '2026-01-01'],
    [lateId, '2026-10-16'],
  ] as const) {
    const r = await post('/api/v1/catalogue/billing-switches', { unitId, mode: 'billing', fromOn });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(() => t.close());

async function deskHourLines(period: string) {
  const run = await post('/api/v1/catalogue/runs', { period });
  expect(run.statusCode, run.body).toBeLessThan(300);
  const lines = json(
    await t.app.inject({
      url: `/api/v1/catalogue/runs/${json(run).id}/lines?limit=200`,
      headers: admin.headers(),
    }),
  ).items as {
    source: string;
    description: string;
    quantity: string | number;
    unitPrice: number;
    amount: number;
    unit: { id: string };
    offering: { id: string } | null;
    kontering: { costCentre: string | null };
  }[];
  return lines
    .filter((l) => l.source === 'deskHours')
    .map((l) => [l.unit.id, l.description, Number(l.quantity), l.unitPrice, l.amount, l.kontering.costCentre])
    .sort();
}

describe('desk hours in the run', () => {
  it('charges billable hours of a unit in billing mode, and recomputing replaces the lines', async () => {
    const report = await ticket('Schemat visar fel lärare', schoolId);
    const access = await ticket('Ny rektor behöver behörighet', schoolId);
    await log(report.id, '2026-10-02', 90, true);
    await log(report.id, '2026-10-03', 20, true);
    const wrong = await log(access.id, '2026-10-10', 60, true);
    // Not billable, another month: nothing.
    await log(report.id, '2026-10-04', 45, false);
    await log(report.id, '2026-09-30', 120, true);
    // Four tickets at the consulting rate: counted rather than named.
    for (const n of [1, 2, 3, 4])
      await log((await ticket(`Elevkonto ${n}`, schoolId)).id, '2026-10-12', 15, true, consulting);
    // The culture school: the 5th is under quality steering, the 20th billed.
    const culture = await ticket('Kassan i kulturskolan', lateId);
    await log(culture.id, '2026-10-05', 60, true);
    await log(culture.id, '2026-10-20', 30, true);
    // Never billed.
    await log((await ticket('Tyst ärende', quietId)).id, '2026-10-07', 600, true);

    const numbers = [report.number, access.number].sort().join(', ');
    // 170 minutes: 2.83 hours at 850 kr.
    expect(await deskHourLines('2026-10')).toEqual(
      [
        [schoolId, `Systemförvaltning per timme – ${numbers}`, 2.83, 85_000, 240_550, '4210'],
        [schoolId, 'Konsulttimme – 4 ärenden', 1, 100_000, 100_000, '4210'],
        [lateId, `Systemförvaltning per timme – ${culture.number}`, 0.5, 85_000, 42_500, '4500'],
      ].sort(),
    );

    // The access entry was on the wrong ticket: archived, and an hour logged on the report instead.
    await archiveTime(t.db, t.a.actor, access.id, wrong.id, { version: 1, reason: 'Fel ärende' });
    await log(report.id, '2026-10-14', 60, true);
    expect(await deskHourLines('2026-10')).toEqual(
      [
        [schoolId, `Systemförvaltning per timme – ${report.number}`, 2.83, 85_000, 240_550, '4210'],
        [schoolId, 'Konsulttimme – 4 ärenden', 1, 100_000, 100_000, '4210'],
        [lateId, `Systemförvaltning per timme – ${culture.number}`, 0.5, 85_000, 42_500, '4500'],
      ].sort(),
    );
    // September: the school's two hours.
    expect(await deskHourLines('2026-09')).toEqual([
      [schoolId, `Systemförvaltning per timme – ${report.number}`, 2, 85_000, 170_000, '4210'],
    ]);
  });
});
