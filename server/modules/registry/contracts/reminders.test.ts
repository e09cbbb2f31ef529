import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monthsFrom } from '../../../../shared/registry/contracts.ts';
import { loadConfig } from '../../../config.ts';
import { systemActor } from '../../../platform/context.ts';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs.ts';
import { platformJobs } from '../../../platform/jobs/platform-jobs.ts';
import { memoryLogger, waitFor } from '../../../platform/jobs/testing.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { reminderTime, todayInStockholm } from './reminders.ts';
import { scheduleAllReminders } from './service.ts';

// The contract owner's reminders through the real job queue: once each however often they are
// scheduled, kept across a restart of the workers, and silent when the contract changed after.

let t: TestContext;
let admin: Session;
let jobs: Jobs | undefined;
let supplierId: string;
let anna: string;
let bertil: string;

const today = todayInStockholm();
/** A date `days` from today. */
const inDays = (days: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  anna = (await seedPerson(t.db, t.a, 'anna@a.example', ['reader'])).id;
  bertil = (await seedPerson(t.db, t.a, 'bertil@a.example', ['reader'])).id;
  supplierId = json(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/suppliers',
      headers: admin.headers(),
      payload: { name: 'Påminnelser AB' },
    }),
  ).id;
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

/** Starts the reminder job: working, or only sending (a server that is not yet processing). */
async function startWorkers(work = true) {
  // The platform's jobs as the server runs them: reminders, and the mail that follows a notification.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
  jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), {
    pollingIntervalSeconds: 0.5,
    work,
  });
}

const inbox = (personId: string, kind: string) =>
  t.db
    .select({ params: notifications.params, recordId: notifications.recordId })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind)));

async function create(title: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/contracts',
    headers: admin.headers(),
    payload: { supplierId, title, startsOn: '2024-01-01', ...payload },
  });
  expect(response.statusCode).toBe(201);
  return json(response) as { id: string; version: number; noticeDeadline: string };
}

async function change(id: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/contracts/${id}`,
    headers: admin.headers(),
    payload,
  });
  expect(response.statusCode).toBe(200);
  return json(response);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

describe('contract reminders', () => {
  it('are due at 07:00 in Stockholm the given number of days before, in summer and winter', () => {
    expect(reminderTime('2026-09-30', 90).toISOString()).toBe('2026-07-02T05:00:00.000Z');
    expect(reminderTime('2027-03-31', 60).toISOString()).toBe('2027-01-30T06:00:00.000Z');
    expect(monthsFrom('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('tell the owner once before the notice deadline and once before the end, however often scheduled', async () => {
    await startWorkers();
    // Both reminders' times have passed (90 and 75 days before), their dates have not: they fire now.
    const contract = await create('Avtal med två påminnelser', {
      endsOn: monthsFrom(today, 2),
      noticeMonths: 1,
      endReminderDays: 75,
      ownerId: anna,
    });
    // Saved again without a change of date or owner, and swept: the same keys, no new reminders.
    await change(contract.id, { version: 1, title: 'Avtal med två påminnelser (nytt namn)' });
    await inTenant(t.db, systemActor(t.a.id), (s) => scheduleAllReminders(s));
    await waitFor(async () => (await inbox(anna, 'registry.contract-end')).length > 0);
    await waitFor(async () => (await inbox(anna, 'registry.contract-notice')).length > 0);
    await settle();
    const notice = await inbox(anna, 'registry.contract-notice');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({
      recordId: contract.id,
      params: { date: contract.noticeDeadline, days: 90 },
    });
    expect(await inbox(anna, 'registry.contract-end')).toHaveLength(1);
    // The Swedish text names the contract and the day.
    const annaSession = await signIn(t.app, 'anna@a.example');
    const texts = json(await t.app.inject({ url: '/api/v1/notifications', headers: annaSession.headers() }))
      .items.map((n: { text: string }) => n.text)
      .join('\n');
    expect(texts).toContain('Sista dag att säga upp avtalet Avtal med två påminnelser');
  });

  it('kept in the database while no worker runs, fire once after the restart', async () => {
    await startWorkers(false);
    const contract = await create('Avtal över en omstart', { endsOn: inDays(20), ownerId: bertil });
    await jobs!.stop(1000);
    jobs = undefined;
    expect(await inbox(bertil, 'registry.contract-end')).toEqual([]);
    await startWorkers();
    // Scheduling again after the restart is still the same reminder.
    await change(contract.id, { version: 1, notes: 'Efter omstarten' });
    await waitFor(async () => (await inbox(bertil, 'registry.contract-end')).length > 0);
    await settle();
    expect(await inbox(bertil, 'registry.contract-end')).toHaveLength(1);
  });

  it('stay silent on the old key when the date or the owner changed, and the new one fires', async () => {
    // Scheduled while nothing works the queue, then changed: the old reminders wait beside the new.
    await startWorkers(false);
    const moved = await create('Avtal som flyttas', {
      endsOn: inDays(30),
      ownerId: anna,
      endReminderDays: 45,
    });
    await change(moved.id, { version: 1, endsOn: inDays(40) });
    const handed = await create('Avtal som byter ägare', { endsOn: inDays(25), ownerId: anna });
    await change(handed.id, { version: 1, ownerId: bertil });
    const archived = await create('Avtal som arkiveras', { endsOn: inDays(15), ownerId: anna });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/contracts/${archived.id}/archive`,
      headers: admin.headers(),
      payload: { version: 1, reason: 'Upphävt' },
    });
    await jobs!.stop(1000);
    await startWorkers();

    const ofContract = async (personId: string, id: string) =>
      (await inbox(personId, 'registry.contract-end')).filter((n) => n.recordId === id);
    await waitFor(async () => (await ofContract(anna, moved.id)).length > 0);
    await waitFor(async () => (await ofContract(bertil, handed.id)).length > 0);
    await settle();
    // Only the new date was announced; the old owner heard nothing, the archived contract nothing.
    expect((await ofContract(anna, moved.id)).map((n) => (n.params as { date: string }).date)).toEqual([
      inDays(40),
    ]);
    expect(await ofContract(anna, handed.id)).toEqual([]);
    expect(await ofContract(bertil, handed.id)).toHaveLength(1);
    expect(await ofContract(anna, archived.id)).toEqual([]);
  });
});
