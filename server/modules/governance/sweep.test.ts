import { inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { rowsOf } from '../../db/client.ts';
import { type Jobs, startJobs } from '../../platform/jobs/jobs.ts';
import { platformJobs } from '../../platform/jobs/platform-jobs.ts';
import { memoryLogger, waitFor } from '../../platform/jobs/testing.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import { reminderTime, todayInStockholm } from '../registry/contracts/reminders.ts';
import { followUpSweepJob } from './decisions/reminders.ts';
import { reviewSweepJob } from './documents/reminders.ts';

// The nightly sweep of the governance reminders through the real job queue: decisions and
// documents saved while no jobs ran (an import, a restore) are reminded once when their reminder
// is due, however many sweeps run at the same time and however often they run afterwards; what is
// not due yet, done, a draft or too late is left alone; every tenant is swept.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let jobs: Jobs | undefined;
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
  bAdmin = await signIn(t.app, t.b.adminEmail);
  anna = (await seedPerson(t.db, t.a, 'anna@a.example', ['reader'])).id;
  bertil = (await seedPerson(t.db, t.b, 'bertil@b.example', ['reader'])).id;
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

async function create(session: Session, url: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url, headers: session.headers(), payload });
  expect(response.statusCode).toBe(201);
  return json(response).id as string;
}

let paragraph = 0;
const decision = (session: Session, payload: Record<string, unknown>) =>
  create(session, '/api/v1/decisions', {
    body: 'Kommunstyrelsen',
    decidedOn: '2026-02-10',
    paragraph: ++paragraph,
    text: 'Kommunstyrelsen beslutar att uppdra åt IT-strategen att följa upp beslutet.',
    ...payload,
  });
const document = (payload: Record<string, unknown>) =>
  create(admin, '/api/v1/documents', { kind: 'guideline', ...payload });

/** The reminder jobs of these records: their record ids and when they are due. */
const reminderJobs = async (ids: string[]) =>
  rowsOf<{ recordId: string; startAfter: string | Date }>(
    await t.db.execute(
      sql`select data->'record'->>'id' as "recordId", start_after as "startAfter" from pgboss.job where name = 'notifications.remind' and data->'record'->>'id' in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ),
  );

const inbox = (ids: string[]) =>
  t.db
    .select({ personId: notifications.personId, recordId: notifications.recordId, kind: notifications.kind })
    .from(notifications)
    .where(inArray(notifications.recordId, ids));

/** Both sweeps as the job queue runs them, each `times` at once. */
async function sweep(times: number) {
  const context = { database: t.database, log: memoryLogger(), jobs: jobs!, id: 'sweep', attempt: 0 };
  await Promise.all(
    Array.from({ length: times }, () => [
      followUpSweepJob.handler({}, context),
      reviewSweepJob.handler({}, context),
    ]).flat(),
  );
}

async function startWorkers(work: boolean) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
  jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), {
    pollingIntervalSeconds: 0.5,
    work,
  });
}

describe('the governance reminder sweep', () => {
  it('is a daily job of each part', () => {
    const names = t.app.seam.jobs.filter((j) => j.schedule).map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining(['governance.decision-follow-up-sweep', 'governance.document-review-sweep']),
    );
  });

  it('reminds once what was saved while no jobs ran, however many sweeps run at once', async () => {
    // Saved with no jobs running on the database: nothing is scheduled.
    const due = {
      late: await decision(admin, { responsibleId: anna, followUpOn: inDays(-10), status: 'inProgress' }),
      yesterday: await decision(admin, { responsibleId: anna, followUpOn: inDays(-1) }),
      otherTenant: await decision(bAdmin, { responsibleId: bertil, followUpOn: inDays(-2) }),
      review: await document({
        title: 'Riktlinje för informationssäkerhet',
        ownerId: anna,
        status: 'inForce',
        nextReviewOn: inDays(10),
      }),
    };
    const dueToday = await decision(admin, { responsibleId: anna, followUpOn: inDays(0) });
    const notDue = {
      tooLate: await decision(admin, { responsibleId: anna, followUpOn: inDays(-45) }),
      future: await decision(admin, { responsibleId: anna, followUpOn: inDays(5) }),
      done: await decision(admin, { responsibleId: anna, followUpOn: inDays(-3), status: 'completed' }),
      nobody: await decision(admin, { followUpOn: inDays(-3) }),
      laterReview: await document({
        title: 'Riktlinje för e-post',
        ownerId: anna,
        status: 'inForce',
        nextReviewOn: inDays(60),
      }),
      draft: await document({
        title: 'Utkast till IT-strategi',
        ownerId: anna,
        status: 'draft',
        nextReviewOn: inDays(10),
      }),
      reviewPassed: await document({
        title: 'Riktlinje för licenser',
        ownerId: anna,
        status: 'inForce',
        nextReviewOn: inDays(-1),
      }),
    };
    const all = [...Object.values(due), dueToday, ...Object.values(notDue)];

    // The queue up, nothing working it yet: three sweeps of each part at the same time.
    await startWorkers(false);
    expect(await reminderJobs(all)).toEqual([]);
    await sweep(3);
    const scheduled = await reminderJobs(all);
    expect(scheduled.map((j) => j.recordId).sort()).toEqual([...Object.values(due), dueToday].sort());
    // Today's is due at 07:00 today, as when saved; the missed ones at their own (past) time.
    const todays = scheduled.find((j) => j.recordId === dueToday)!;
    expect(new Date(todays.startAfter).getTime()).toBe(reminderTime(inDays(0), 0).getTime());

    // Worked: each due reminder tells its person once; another sweep after changes nothing.
    await jobs!.stop(1000);
    await startWorkers(true);
    const past = Object.values(due);
    await waitFor(async () => (await inbox(past)).length >= past.length);
    await sweep(2);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const told = await inbox(all);
    const pastTold = told.filter((n) => n.recordId !== dueToday);
    expect(pastTold.map((n) => n.recordId).sort()).toEqual([...past].sort());
    expect(told.filter((n) => n.recordId === dueToday).length).toBeLessThanOrEqual(1);
    expect(pastTold.find((n) => n.recordId === due.otherTenant)).toMatchObject({
      personId: bertil,
      kind: 'governance.decision-follow-up',
    });
    expect(pastTold.find((n) => n.recordId === due.review)).toMatchObject({
      personId: anna,
      kind: 'governance.document-review',
    });
    expect((await reminderJobs(all)).length).toBe(scheduled.length);
  });
});
