import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs.ts';
import { platformJobs } from '../../../platform/jobs/platform-jobs.ts';
import { memoryLogger, waitFor } from '../../../platform/jobs/testing.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';

// Governing documents through the real app and database: the hierarchy without cycles, the next
// review counted from the interval, overdue ones, the public list of those in force for everyone
// signed in, versions, the owner's review reminder once, links from decisions, and that tenant B
// sees and names none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let jobs: Jobs | undefined;
let owner: string;
let bPerson: string;
let decisionId: string;
let bDecisionId: string;

const today = todayInStockholm();
const inDays = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  owner = (await seedPerson(t.db, t.a, 'agare@a.example', ['reader'])).id;
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  const decide = async (session: Session) =>
    json(
      await post(session, '/api/v1/decisions', {
        body: 'Kommunstyrelsen',
        decidedOn: '2024-02-12',
        paragraph: 30,
        text: 'Kommunstyrelsen antar informationssäkerhetspolicyn.',
      }),
    ).id;
  decisionId = await decide(admin);
  bDecisionId = await decide(bAdmin);
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
function patch(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);

describe('governing documents', () => {
  let policyId: string;
  let guidelineId: string;

  it('records a policy and a riktlinje under it, counting the next review from the interval', async () => {
    const policy = await post(admin, '/api/v1/documents', {
      kind: 'policy',
      title: 'Informationssäkerhetspolicy',
      ownerId: owner,
      adoptedById: decisionId,
      status: 'inForce',
      validFrom: '2024-03-01',
      reviewIntervalMonths: 36,
    });
    expect(policy.statusCode).toBe(201);
    expect(json(policy)).toMatchObject({
      kind: 'policy',
      owner: { id: owner, name: 'Test agare' },
      adoptedBy: { id: decisionId, name: 'Kommunstyrelsen 2024 § 30' },
      nextReviewOn: '2027-03-01',
      reviewReminderDays: 30,
      status: 'inForce',
      version: 1,
    });
    policyId = json(policy).id;
    const guideline = json(
      await post(admin, '/api/v1/documents', {
        kind: 'guideline',
        title: 'Riktlinje för informationsklassning',
        parentId: policyId,
        status: 'underRevision',
        nextReviewOn: '2025-10-01',
      }),
    );
    guidelineId = guideline.id;
    expect(guideline).toMatchObject({
      parent: { id: policyId, name: 'Informationssäkerhetspolicy' },
      reviewOverdue: true,
    });

    // A new interval counts the next review again; a stale version changes nothing.
    expect(
      (await patch(admin, `/api/v1/documents/${policyId}`, { version: 5, reviewIntervalMonths: 12 }))
        .statusCode,
    ).toBe(409);
    const changed = json(
      await patch(admin, `/api/v1/documents/${policyId}`, { version: 1, reviewIntervalMonths: 12 }),
    );
    expect(changed).toMatchObject({ version: 2, nextReviewOn: '2025-03-01', reviewOverdue: true });

    const overdue = json(await get(admin, '/api/v1/documents?overdue=true'));
    expect(overdue.items.map((d: { title: string }) => d.title).sort()).toEqual([
      'Informationssäkerhetspolicy',
      'Riktlinje för informationsklassning',
    ]);
    const under = json(await get(admin, `/api/v1/documents?parentId=${policyId}`));
    expect(under.items.map((d: { id: string }) => d.id)).toEqual([guidelineId]);
    const csv = await get(admin, '/api/v1/documents/export?format=csv');
    expect(csv.body).toContain('Riktlinje för informationsklassning');
    expect(csv.body).toContain('Under revidering');
  });

  it("refuses a cycle, other tenants' people, decisions and documents, and bad dates; writes nothing", async () => {
    const cycle = await patch(admin, `/api/v1/documents/${policyId}`, { version: 2, parentId: guidelineId });
    expect(cycle.statusCode).toBe(400);
    expect(paths(cycle)).toEqual(['body.parentId']);
    const self = await patch(admin, `/api/v1/documents/${policyId}`, { version: 2, parentId: policyId });
    expect(paths(self)).toEqual(['body.parentId']);
    const bParent = json(await post(bAdmin, '/api/v1/documents', { kind: 'policy', title: 'B-policy' })).id;
    const cases: [unknown, string][] = [
      [{ kind: 'policy', title: 'X', ownerId: bPerson }, 'body.ownerId'],
      [{ kind: 'policy', title: 'X', adoptedById: bDecisionId }, 'body.adoptedById'],
      [{ kind: 'policy', title: 'X', parentId: bParent }, 'body.parentId'],
      [{ kind: 'policy', title: 'X', validFrom: '2026-01-01', validTo: '2025-01-01' }, 'body.validTo'],
      [{ kind: 'memo', title: 'X' }, 'body.kind'],
      [{ kind: 'policy', title: 'X', status: 'valid' }, 'body.status'],
      [{ kind: 'policy', title: 'X', reviewIntervalMonths: 0 }, 'body.reviewIntervalMonths'],
    ];
    for (const [body, path] of cases) {
      const response = await post(admin, '/api/v1/documents', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(response)).toContain(path);
    }
    expect(json(await get(admin, '/api/v1/documents?search=X')).items).toEqual([]);
    // Tenant B neither reads nor changes A's.
    expect((await get(bAdmin, `/api/v1/documents/${policyId}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/documents/${policyId}`, { version: 2, title: 'X' })).statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/documents')).items.map((d: { title: string }) => d.title)).toEqual(
      ['B-policy'],
    );
  });

  it('shows everyone signed in the documents in force, and only those; staff see all', async () => {
    await post(admin, '/api/v1/documents', { kind: 'policy', title: 'IT-policy', status: 'draft' });
    const list = json(await get(employee, '/api/v1/documents'));
    expect(list.items.map((d: { title: string }) => d.title)).toEqual(['Informationssäkerhetspolicy']);
    expect((await get(employee, `/api/v1/documents/${guidelineId}`)).statusCode).toBe(404);
    expect((await get(employee, `/api/v1/documents/${policyId}`)).statusCode).toBe(200);
    expect(
      (await post(employee, '/api/v1/documents', { kind: 'policy', title: 'Min policy' })).statusCode,
    ).toBe(403);
    expect(json(await get(admin, '/api/v1/documents')).items).toHaveLength(3);
  });

  it('are what decisions link to as governingDocument, checked in the tenant', async () => {
    const linked = await post(admin, '/api/v1/decisions', {
      body: 'Kommunstyrelsen',
      decidedOn: '2025-03-10',
      paragraph: 41,
      text: 'Kommunstyrelsen ger i uppdrag att revidera informationssäkerhetspolicyn.',
      links: [{ kind: 'governingDocument', id: policyId }],
    });
    expect(linked.statusCode).toBe(201);
    expect(json(linked).links).toEqual([
      {
        kind: 'governingDocument',
        id: policyId,
        name: 'Informationssäkerhetspolicy',
        href: `/governance/documents/${policyId}`,
        archived: false,
      },
    ]);
    const bDoc = json(await get(bAdmin, '/api/v1/documents')).items[0].id;
    const refused = await post(admin, '/api/v1/decisions', {
      body: 'Kommunstyrelsen',
      decidedOn: '2025-03-10',
      paragraph: 42,
      text: 'X',
      links: [{ kind: 'governingDocument', id: bDoc }],
    });
    expect(paths(refused)).toEqual(['body.links.0.id']);
  });

  it('keeps versions: a PDF or DOCX uploaded to the document with a change note, numbered, newest first', async () => {
    const upload = (session: Session, documentId: string, name: string, bytes: Buffer | string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/attachments/governing-document/${documentId}?name=${encodeURIComponent(name)}`,
        payload: bytes,
        headers: session.headers({ 'content-type': 'application/octet-stream' }),
      });
    const pdf = (text: string) =>
      Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
    const first = await upload(admin, policyId, 'informationssakerhetspolicy-2024.pdf', pdf('2024'));
    expect(first.statusCode).toBe(201);
    const v1 = await post(admin, `/api/v1/documents/${policyId}/versions`, {
      fileId: json(first).id,
      changeNote: 'Antagen av KS',
    });
    expect(v1.statusCode).toBe(201);
    expect(json(v1)).toMatchObject({
      number: 1,
      fileName: 'informationssakerhetspolicy-2024.pdf',
      mediaType: 'application/pdf',
    });
    const second = json(await upload(admin, policyId, 'informationssakerhetspolicy-2026.pdf', pdf('2026')));
    expect(
      json(
        await post(admin, `/api/v1/documents/${policyId}/versions`, {
          fileId: second.id,
          changeNote: 'Reviderad',
        }),
      ),
    ).toMatchObject({ number: 2 });
    const versions = json(await get(admin, `/api/v1/documents/${policyId}/versions`)).items;
    expect(
      versions.map((v: { number: number; changeNote: string }) => `${v.number} ${v.changeNote}`),
    ).toEqual(['2 Reviderad', '1 Antagen av KS']);

    // A text file is no version; nor a file of another document, nor one of another tenant.
    const text = json(await upload(admin, policyId, 'anteckning.txt', 'Bara text'));
    const refused = await post(admin, `/api/v1/documents/${policyId}/versions`, {
      fileId: text.id,
      changeNote: 'X',
    });
    expect(refused.statusCode).toBe(400);
    expect(paths(refused)).toEqual(['body.fileId']);
    const ofOther = json(await upload(admin, guidelineId, 'riktlinje.pdf', pdf('riktlinje')));
    expect(
      paths(
        await post(admin, `/api/v1/documents/${policyId}/versions`, { fileId: ofOther.id, changeNote: 'X' }),
      ),
    ).toEqual(['body.fileId']);
    expect(
      (await post(bAdmin, `/api/v1/documents/${policyId}/versions`, { fileId: second.id, changeNote: 'X' }))
        .statusCode,
    ).toBe(404);
    expect((await get(bAdmin, `/api/v1/documents/${policyId}/versions`)).statusCode).toBe(404);
    expect(json(await get(admin, `/api/v1/documents/${policyId}/versions`)).items).toHaveLength(2);

    // Everyone signed in reads the versions and files of a document in force; not of a draft.
    expect(json(await get(employee, `/api/v1/documents/${policyId}/versions`)).items).toHaveLength(2);
    expect((await get(employee, `/api/v1/files/${second.id}`)).statusCode).toBe(200);
    expect((await get(employee, `/api/v1/documents/${guidelineId}/versions`)).statusCode).toBe(404);
    expect((await get(employee, `/api/v1/files/${ofOther.id}`)).statusCode).toBe(403);
    expect((await upload(employee, policyId, 'min.pdf', pdf('min'))).statusCode).toBe(403);
  });

  it('reminds the owner before the review once, however often saved; not for a draft', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), {
      pollingIntervalSeconds: 0.5,
    });
    const other = (await seedPerson(t.db, t.a, 'annan@a.example', ['reader'])).id;
    // Due in 10 days, reminded 30 days before: the reminder's time has passed, so it comes now.
    const doc = json(
      await post(admin, '/api/v1/documents', {
        kind: 'plan',
        title: 'Kontinuitetsplan för IT',
        ownerId: owner,
        status: 'inForce',
        nextReviewOn: inDays(10),
      }),
    );
    await patch(admin, `/api/v1/documents/${doc.id}`, { version: 1, description: 'Reviderad' });
    const handed = json(
      await post(admin, '/api/v1/documents', {
        kind: 'routine',
        title: 'Rutin för behörigheter',
        ownerId: other,
        status: 'draft',
        nextReviewOn: inDays(5),
      }),
    );
    const inbox = (personId: string) =>
      t.db
        .select({ recordId: notifications.recordId, params: notifications.params })
        .from(notifications)
        .where(
          and(eq(notifications.personId, personId), eq(notifications.kind, 'governance.document-review')),
        );
    await waitFor(async () => (await inbox(owner)).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const got = await inbox(owner);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      recordId: doc.id,
      params: { title: 'Kontinuitetsplan för IT', date: inDays(10), days: 30 },
    });
    // A draft is not reviewed: no reminder.
    expect((await inbox(other)).filter((n) => n.recordId === handed.id)).toEqual([]);
  });
});
