import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The yearly self-assessment through the real app and database: templates and their revisions,
// one round per forum, template and year, answers saved per question (in parallel, with
// versions), submit and an admin's reopen, the comparison across years and its export, and that
// tenant B sees and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let strategist: Session;
let member: Session;
let outsider: Session;
let bAdmin: Session;
let forumId: string;
let otherForumId: string;

const scale = [
  { value: 1, label: 'Saknas' },
  { value: 2, label: 'Påbörjad' },
  { value: 3, label: 'Etablerad' },
];

const templateBody = {
  title: 'Självskattning e-förvaltning',
  description: 'Årlig uppföljning',
  sections: [
    {
      title: 'Styrning',
      questions: [
        { text: 'Det finns en IT-strategi', help: 'Antagen av KF', kind: 'scale', scale },
        { text: 'Följs planen upp?', kind: 'yesNo' },
      ],
    },
    { title: 'Kompetens', questions: [{ text: 'Vad ska utvecklas?', kind: 'text' }] },
  ],
};

function send(session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
}
const post = (s: Session, url: string, p: unknown) => send(s, 'POST', url, p);
const patch = (s: Session, url: string, p: unknown) => send(s, 'PATCH', url, p);
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'itstrateg@a.example', ['itStrategist']);
  strategist = await signIn(t.app, 'itstrateg@a.example');
  const memberId = (await seedPerson(t.db, t.a, 'ledamot@a.example', ['reader'])).id;
  await seedPerson(t.db, t.a, 'annan@a.example', ['reader']);
  outsider = await signIn(t.app, 'annan@a.example');
  const forum = await post(admin, '/api/v1/forums', {
    name: 'IT-styrgrupp',
    kind: 'steeringGroup',
    meetingsPerYear: 10,
    members: [{ personId: memberId }],
  });
  forumId = json(forum).id;
  otherForumId = json(
    await post(admin, '/api/v1/forums', {
      name: 'Systemägargrupp',
      kind: 'systemOwnerGroup',
      meetingsPerYear: 4,
    }),
  ).id;
  member = await signIn(t.app, 'ledamot@a.example');
});
afterAll(() => t.close());

async function newTemplate(title = templateBody.title) {
  const created = await post(strategist, '/api/v1/surveys', { ...templateBody, title });
  expect(created.statusCode).toBe(201);
  return json(created);
}

async function newRound(templateId: string, year: number, forum = forumId) {
  const created = await post(strategist, '/api/v1/surveys/rounds', { templateId, forumId: forum, year });
  expect(created.statusCode).toBe(201);
  return json(created);
}

const questionIds = (round: { sections: { questions: { id: string }[] }[] }): [string, string, string] =>
  round.sections.flatMap((s) => s.questions.map((q) => q.id)) as [string, string, string];

describe('self-assessment templates', () => {
  it('keeps the questions a round answered: a later change makes a new revision', async () => {
    const template = await newTemplate('Mall med revisioner');
    expect(template).toMatchObject({
      revision: 1,
      rounds: 0,
      version: 1,
      can: { update: true, startRound: true },
    });
    const [strategy, followUp, open] = template.sections.flatMap(
      (s: { questions: unknown[] }) => s.questions,
    );
    expect(strategy).toMatchObject({
      text: 'Det finns en IT-strategi',
      help: 'Antagen av KF',
      kind: 'scale',
      scale,
    });
    expect(open).toMatchObject({ kind: 'text', scale: null, help: null });

    // No round yet: the change is made in the revision itself.
    const sections = template.sections.map(
      (s: { id: string; title: string; questions: Record<string, unknown>[] }) => ({
        id: s.id,
        title: s.title,
        questions: s.questions.map(({ id, text, help, kind, scale }: Record<string, unknown>) => ({
          id,
          text,
          help,
          kind,
          scale,
        })),
      }),
    );
    sections[0].questions[0].text = 'Det finns en beslutad IT-strategi';
    const changed = await patch(strategist, `/api/v1/surveys/${template.id}`, { version: 1, sections });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ revision: 1, version: 2 });

    const round = await newRound(template.id, 2024);
    expect(round).toMatchObject({
      revision: 1,
      year: 2024,
      status: 'draft',
      forum: { id: forumId, name: 'IT-styrgrupp' },
    });

    // Now answered: a new question and a reworded one make revision 2; the round keeps revision 1.
    sections[0].questions[0].text = 'Det finns en känd IT-strategi';
    sections[1].questions.push({ text: 'Ny fråga', kind: 'yesNo' });
    const revised = json(await patch(strategist, `/api/v1/surveys/${template.id}`, { version: 2, sections }));
    expect(revised).toMatchObject({ revision: 2, version: 3, rounds: 1 });
    expect(revised.sections[0].questions[0]).toMatchObject({
      id: strategy.id,
      text: 'Det finns en känd IT-strategi',
    });
    const kept = json(await get(admin, `/api/v1/surveys/rounds/${round.id}`));
    expect(kept.revision).toBe(1);
    expect(kept.sections[0].questions[0].text).toBe('Det finns en beslutad IT-strategi');
    expect(questionIds(kept)).toEqual([strategy.id, followUp.id, open.id]);
    expect((await newRound(template.id, 2025)).revision).toBe(2);
    // Compared, the question revision 2 added has no answer in 2024, which did not ask it.
    const c = json(await get(admin, `/api/v1/surveys/${template.id}/comparison?forumId=${forumId}`));
    expect(c.years.map((y: { revision: number }) => y.revision)).toEqual([1, 2]);
    expect(c.sections[0].questions[0].text).toBe('Det finns en känd IT-strategi');
    expect(c.sections[1].questions.map((q: { text: string }) => q.text)).toEqual([
      'Vad ska utvecklas?',
      'Ny fråga',
    ]);
    expect(c.sections[1].questions[1].answers).toEqual([null, null]);

    // An id the template never had is refused; a stale version is 409.
    const foreign = structuredClone(sections);
    foreign[0].questions[0].id = '00000000-0000-4000-8000-000000000000';
    const bad = await patch(strategist, `/api/v1/surveys/${template.id}`, { version: 3, sections: foreign });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('body.sections.0.questions.0.id');
    const stale = await patch(strategist, `/api/v1/surveys/${template.id}`, { version: 2, title: 'X' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses bad templates naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...templateBody, sections: [] }, 'body.sections'],
      [
        { ...templateBody, sections: [{ title: 'X', questions: [{ text: 'Q', kind: 'scale' }] }] },
        'body.sections.0.questions.0.scale',
      ],
      [
        {
          ...templateBody,
          sections: [
            {
              title: 'X',
              questions: [
                {
                  text: 'Q',
                  kind: 'scale',
                  scale: [
                    { value: 2, label: 'a' },
                    { value: 1, label: 'b' },
                  ],
                },
              ],
            },
          ],
        },
        'body.sections.0.questions.0.scale',
      ],
      [
        { ...templateBody, sections: [{ title: 'X', questions: [{ text: 'Q', kind: 'yesNo', scale }] }] },
        'body.sections.0.questions.0.scale',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await post(strategist, '/api/v1/surveys', body);
      expect(response.statusCode, path).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await post(member, '/api/v1/surveys', templateBody)).statusCode).toBe(403);
  });
  it('archives a template (no new rounds), and finds templates in the list, the search and the export', async () => {
    const template = await newTemplate('Mall för arkivering');
    const archived = await post(strategist, `/api/v1/surveys/${template.id}/archive`, {
      version: 1,
      reason: 'Ersatt',
    });
    expect(json(archived)).toMatchObject({
      version: 2,
      archiveReason: 'Ersatt',
      can: { restore: true, startRound: false },
    });
    const refused = await post(strategist, '/api/v1/surveys/rounds', {
      templateId: template.id,
      forumId,
      year: 2030,
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors[0].path).toBe('body.templateId');
    expect(
      (await patch(strategist, `/api/v1/surveys/${template.id}`, { version: 2, title: 'X' })).statusCode,
    ).toBe(409);
    const listed = (url: string) =>
      get(member, url).then((r) => json(r).items.map((t: { id: string }) => t.id));
    expect(await listed('/api/v1/surveys?search=arkivering')).toEqual([]);
    expect(await listed('/api/v1/surveys?search=arkivering&includeArchived=true')).toEqual([template.id]);
    await post(strategist, `/api/v1/surveys/${template.id}/restore`, { version: 2 });

    const found = json(await get(member, '/api/v1/search?q=arkivering'));
    expect(JSON.stringify(found)).toContain(`/governance/surveys/${template.id}`);
    const csv = await get(member, '/api/v1/surveys/export?search=arkivering&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('mall;beskrivning;version av frågorna;frågor;omgångar');
    expect(csv.body).toContain('Mall för arkivering;Årlig uppföljning;1;3;0');
  });
});

describe('self-assessment rounds', () => {
  it('answers 409 to a second round of a forum, template and year', async () => {
    const template = await newTemplate('Mall en per år');
    await newRound(template.id, 2026);
    const again = await post(strategist, '/api/v1/surveys/rounds', {
      templateId: template.id,
      forumId,
      year: 2026,
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(json(again).errors[0].path).toBe('body.year');
    // Another forum, or another year, is a round of its own.
    await newRound(template.id, 2026, otherForumId);
    await newRound(template.id, 2027);
    const bothRaced = await Promise.all(
      [1, 2].map(() =>
        post(strategist, '/api/v1/surveys/rounds', { templateId: template.id, forumId, year: 2028 }),
      ),
    );
    expect(bothRaced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it("saves a member's answers with versions, locks a submitted round, and lets only an admin reopen it", async () => {
    const template = await newTemplate('Mall att besvara');
    const round = await newRound(template.id, 2025);
    const [strategy, followUp, open] = questionIds(round);
    const url = `/api/v1/surveys/rounds/${round.id}`;

    expect(
      (
        await patch(outsider, `${url}/answers`, {
          answers: [{ questionId: strategy, value: 2, version: null }],
        })
      ).statusCode,
    ).toBe(403);
    const saved = await patch(member, `${url}/answers`, {
      answers: [
        { questionId: strategy, value: 2, comment: 'Strategin är gammal', version: null },
        { questionId: followUp, value: 1, version: null },
        { questionId: open, text: 'Informationssäkerhet', version: null },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const answers = json(saved).answers;
    expect(answers).toHaveLength(3);
    expect(answers.find((a: { questionId: string }) => a.questionId === strategy)).toMatchObject({
      value: 2,
      comment: 'Strategin är gammal',
      version: 1,
      updatedBy: 'Test ledamot',
    });

    // A stale answer version, a value off the scale, text on a scale question: refused, nothing written.
    const stale = await patch(member, `${url}/answers`, {
      answers: [{ questionId: strategy, value: 3, version: null }],
    });
    expect(stale.statusCode).toBe(409);
    const cases: [unknown, string][] = [
      [{ questionId: strategy, value: 9, version: 1 }, 'body.answers.0.value'],
      [{ questionId: followUp, value: 2, version: 1 }, 'body.answers.0.value'],
      [{ questionId: strategy, text: 'x', version: 1 }, 'body.answers.0.text'],
      [{ questionId: template.id, value: 1, version: null }, 'body.answers.0.questionId'],
    ];
    for (const [a, path] of cases) {
      const response = await patch(member, `${url}/answers`, { answers: [a] });
      expect(response.statusCode, path).toBe(400);
      expect(json(response).errors[0].path).toBe(path);
    }
    const updated = await patch(member, `${url}/answers`, {
      answers: [{ questionId: strategy, value: 3, version: 1 }],
    });
    expect(
      json(updated).answers.find((a: { questionId: string }) => a.questionId === strategy),
    ).toMatchObject({
      value: 3,
      comment: null,
      version: 2,
    });

    // Submitted, it is locked: no answer, no second submit; a keeper may not reopen, an admin may.
    expect((await post(member, `${url}/submit`, { version: 2 })).statusCode).toBe(409);
    const submitted = await post(member, `${url}/submit`, { version: 1 });
    expect(json(submitted)).toMatchObject({
      status: 'submitted',
      version: 2,
      submittedBy: 'Test ledamot',
      can: { answer: false },
    });
    const locked = await patch(member, `${url}/answers`, {
      answers: [{ questionId: strategy, value: 1, version: 2 }],
    });
    expect(locked.statusCode).toBe(409);
    expect(json(locked).detail).toContain('submitted');
    expect((await post(strategist, `${url}/reopen`, { version: 2, reason: 'Fel' })).statusCode).toBe(403);
    expect((await post(admin, `${url}/reopen`, { version: 2, reason: '' })).statusCode).toBe(400);
    const reopened = await post(admin, `${url}/reopen`, { version: 2, reason: 'Fel svar på fråga 1' });
    expect(json(reopened)).toMatchObject({
      status: 'draft',
      version: 3,
      submittedAt: null,
      can: { answer: true },
    });
    expect(
      (await patch(member, `${url}/answers`, { answers: [{ questionId: strategy, value: 1, version: 2 }] }))
        .statusCode,
    ).toBe(200);

    const events = await t.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, round.id)))
      .orderBy(auditEvents.occurredAt, auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'answer', 'answer', 'submit', 'reopen', 'answer']);
    expect(JSON.stringify(events[4]!.changes)).toContain('Fel svar på fråga 1');
  });

  it('keeps both of two answer saves made at the same time', async () => {
    const template = await newTemplate('Mall parallellt');
    const round = await newRound(template.id, 2025);
    const [strategy, followUp, open] = questionIds(round);
    const url = `/api/v1/surveys/rounds/${round.id}/answers`;
    const results = await Promise.all([
      patch(member, url, { answers: [{ questionId: strategy, value: 3, version: null }] }),
      patch(strategist, url, {
        answers: [{ questionId: followUp, value: 0, comment: 'Inte i år', version: null }],
      }),
      patch(admin, url, { answers: [{ questionId: open, text: 'Arkitektur', version: null }] }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const read = json(await get(admin, `/api/v1/surveys/rounds/${round.id}`));
    const byQuestion = Object.fromEntries(read.answers.map((a: { questionId: string }) => [a.questionId, a]));
    expect(byQuestion[strategy]).toMatchObject({ value: 3 });
    expect(byQuestion[followUp]).toMatchObject({ value: 0, comment: 'Inte i år' });
    expect(byQuestion[open]).toMatchObject({ text: 'Arkitektur' });

    // Two saves of the same question from the same version: one wins, the other is told (409).
    const same = await Promise.all([
      patch(member, url, { answers: [{ questionId: strategy, value: 1, version: 1 }] }),
      patch(strategist, url, { answers: [{ questionId: strategy, value: 2, version: 1 }] }),
    ]);
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = same.findIndex((r) => r.statusCode === 200);
    const now = json(await get(admin, `/api/v1/surveys/rounds/${round.id}`));
    expect(now.answers.find((a: { questionId: string }) => a.questionId === strategy)).toMatchObject({
      value: winner === 0 ? 1 : 2,
      version: 2,
    });
  });

  it("shows tenant B none of tenant A's templates and rounds, and changes none", async () => {
    const template = await newTemplate('Mall hos A');
    const round = await newRound(template.id, 2025);
    const [strategy] = questionIds(round);
    for (const url of [
      `/api/v1/surveys/${template.id}`,
      `/api/v1/surveys/rounds/${round.id}`,
      `/api/v1/surveys/${template.id}/comparison?forumId=${forumId}`,
    ])
      expect((await get(bAdmin, url)).statusCode, url).toBe(404);
    expect(
      (
        await patch(bAdmin, `/api/v1/surveys/rounds/${round.id}/answers`, {
          answers: [{ questionId: strategy, value: 1, version: null }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await post(bAdmin, `/api/v1/surveys/rounds/${round.id}/submit`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (await patch(bAdmin, `/api/v1/surveys/${template.id}`, { version: 1, title: 'B' })).statusCode,
    ).toBe(404);
    const started = await post(bAdmin, '/api/v1/surveys/rounds', {
      templateId: template.id,
      forumId,
      year: 2025,
    });
    expect(started.statusCode).toBe(400);
    const lists = [
      json(await get(bAdmin, '/api/v1/surveys')),
      json(await get(bAdmin, '/api/v1/surveys/rounds')),
    ];
    for (const list of lists) expect(list.items).toEqual([]);
    expect(json(await get(admin, '/api/v1/surveys/rounds?limit=200')).items.length).toBeGreaterThan(0);
  });
});

describe('comparison across years', () => {
  it("puts a forum's years side by side per question and section, and exports them", async () => {
    const template = await newTemplate('Mall att jämföra');
    const years = [
      [2024, 1, 0],
      [2025, 2, 1],
      [2026, 3, 1],
    ] as const;
    for (const [year, value, yes] of years) {
      const round = await newRound(template.id, year);
      const [strategy, followUp] = questionIds(round);
      await patch(member, `/api/v1/surveys/rounds/${round.id}/answers`, {
        answers: [
          { questionId: strategy, value, comment: `Kommentar ${year}`, version: null },
          { questionId: followUp, value: yes, version: null },
        ],
      });
    }
    const response = await get(member, `/api/v1/surveys/${template.id}/comparison?forumId=${forumId}`);
    expect(response.statusCode).toBe(200);
    const c = json(response);
    expect(c.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    expect(c.sections[0].means).toEqual([1, 2, 3]);
    expect(c.sections[0].questions[0].answers.map((a: { value: number }) => a.value)).toEqual([1, 2, 3]);
    expect(c.sections[1].means).toEqual([null, null, null]);

    const xlsx = await get(
      member,
      `/api/v1/surveys/${template.id}/comparison/export?forumId=${forumId}&format=xlsx`,
    );
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Jämförelse')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'avsnitt',
      'fråga',
      '2024',
      '2025',
      '2026',
      'kommentar 2024',
      'kommentar 2025',
      'kommentar 2026',
    ]);
    expect(values(2).slice(0, 5)).toEqual(['Styrning', 'Medelvärde', 1, 2, 3]);
    expect(values(3)).toEqual([
      'Styrning',
      'Det finns en IT-strategi',
      1,
      2,
      3,
      'Kommentar 2024',
      'Kommentar 2025',
      'Kommentar 2026',
    ]);
    expect(values(4)).toEqual([
      'Styrning',
      'Följs planen upp?',
      undefined,
      undefined,
      undefined,
      'Nej',
      'Ja',
      'Ja',
    ]);

    const missing = await get(member, `/api/v1/surveys/${template.id}/comparison`);
    expect(missing.statusCode).toBe(400);
  });
});
