// `npm run bench:governance`: the decision log's search at the size of a municipality's archive of
// decisions, on PostgreSQL and on PGlite (DESIGN.md "Performance principles", issue 14).
//
// Scale: one tenant with BENCH_DECISIONS decisions (50,000) over 2012–2026, taken by four forums
// (IT-styrgrupp, beredningsgrupp, systemägargrupp, finansieringsgrupp) and nine external bodies
// (KF, KS, its arbetsutskott, nämnder, kommundirektören), each with its own § series per year.
// Subjects are composed from a fixed Swedish vocabulary (procurement, contracts, IT strategy,
// e-services, system management, information security, budgets … of the systems seed 003 and 004
// name), seeded, so every run searches the same log. A fifth have a responsible person and a
// follow-up date, 1 % are archived, 70 % carry a diarienummer. One admin signs in.
//
// For each database kind (the server child and load helpers of bench/load.ts):
//   1. a fresh database (bench/database.ts; PostgreSQL: `styrbord_bench_governance` on
//      BENCH_PG_URL, dropped at the end; PGlite: a temp dir), migrated; tenant, admin and people
//      through the services, forums and decisions inserted directly in batches (the service's
//      transaction, § check and audit event per decision would take minutes; rows are built as
//      the service builds them, and the database computes body key, year and the search vector);
//   2. the real app in a child process; paced open-loop runs at BENCH_RATE (100) req/s for
//      BENCH_SECONDS (10) s each, latency counted from when each request was due:
//        - GET of one decision by id (random ids), before and after the searches: the reference;
//        - the log searched for one word, in inflected forms the Swedish stemmer must reduce
//          ("upphandlingarna", "informationssäkerheten" …), common and rare ones in turn;
//        - the log searched for two or three words ("avtal Evry", "upphandling ekonomisystem" …);
//        - a search combined with the log's filters (body, year, status, forum);
//        - a diarienummer typed as it is written ("KS 2024/12"), which also matches by text.
//      Each is printed with p50 and p99 and its p99 as a multiple of the by-id p99.
//
// Targets: the searches' p99 < 50 ms on PostgreSQL and < 150 ms on PGlite. Exit code 0 when all
// are met and no request failed, else 1.
//
// Environment: BENCH_DECISIONS (50000), BENCH_SECONDS (10), BENCH_RATE (100), BENCH_CONNECTIONS
// (50, the paced runs' socket limit), BENCH_DB (pg,pglite), BENCH_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP=1 (keep the databases to EXPLAIN
// ANALYZE afterwards), BENCH_EXPLAIN=1 (after seeding, each search once at a time through the service,
// with the plan of the plain ones; `only`: that, and no load).

import { availableParallelism, loadavg } from 'node:os';
import { type SQL, sql } from 'drizzle-orm';
import { onServer } from '../server/db/admin.ts';
import { type Database, rowsOf } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { decisions } from '../server/modules/governance/decisions/schema.ts';
import { listDecisions } from '../server/modules/governance/decisions/service.ts';
import { forums } from '../server/modules/governance/forums/schema.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { decisionListQuery, type decisionStatuses } from '../shared/governance/decisions.ts';
import { benchDatabase, PG_ADMIN_URL } from './database.ts';
import {
  killServers,
  type LoadOptions,
  type Paced,
  paced,
  quantile,
  saturate,
  signIn,
  startServer,
} from './load.ts';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim()) as ('pg' | 'pglite')[];
const EXPLAIN = !!process.env.BENCH_EXPLAIN && process.env.BENCH_EXPLAIN !== '0';
const EXPLAIN_ONLY = process.env.BENCH_EXPLAIN === 'only';
const DB_NAME = 'styrbord_bench_governance';

const TARGET_P99_MS = { pg: 50, pglite: 150 } as const;

const PASSWORD = 'bench password 1234';
const ADMIN_EMAIL = 'admin@bench.example';
const FIRST_YEAR = 2012;
const LAST_YEAR = 2026;

// ---------------------------------------------------------------- vocabulary

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const forumDefs = [
  { name: 'IT-styrgruppen', kind: 'steeringGroup', meetingsPerYear: 10, weight: 5 },
  { name: 'IT-strategiska beredningsgruppen', kind: 'preparationGroup', meetingsPerYear: 10, weight: 4 },
  { name: 'Systemägargruppen', kind: 'systemOwnerGroup', meetingsPerYear: 4, weight: 2 },
  { name: 'Finansieringsgruppen', kind: 'financingGroup', meetingsPerYear: 4, weight: 2 },
] as const;

/** External bodies with their diarium series and how often they decide about IT. */
const externalBodies = [
  { name: 'Kommunfullmäktige', series: 'KS', weight: 2 },
  { name: 'Kommunstyrelsen', series: 'KS', weight: 6 },
  { name: 'Kommunstyrelsens arbetsutskott', series: 'KS', weight: 4 },
  { name: 'Barn- och utbildningsnämnden', series: 'BUN', weight: 3 },
  { name: 'Socialnämnden', series: 'SN', weight: 3 },
  { name: 'Samhällsbyggnadsnämnden', series: 'SBN', weight: 2 },
  { name: 'Kultur- och fritidsnämnden', series: 'KFN', weight: 1 },
  { name: 'Miljö- och hälsoskyddsnämnden', series: 'MHN', weight: 1 },
  { name: 'Kommundirektören', series: 'KS', weight: 2 },
] as const;

const systemsNamed = [
  'ekonomisystemet Aditro',
  'HR- och lönesystemet Heroma',
  'diariet W3D3',
  'e-tjänsteplattformen',
  'e-arkivet',
  'intranätet',
  'IT-portalen',
  'det skoladministrativa systemet',
  'verksamhetssystemet för socialtjänsten',
  'journalsystemet för vård och omsorg',
  'bygglovssystemet',
  'GIS-plattformen',
  'växel- och telefonitjänsten',
  'skrivartjänsten',
  'det trådlösa nätverket i skolorna',
  'e-postsystemet',
  'identitets- och behörighetshanteringen',
  'videomötestjänsten',
  'kontorsprogrammen',
  'elevdatorerna',
  'surfplattorna i förskolan',
  'kundtjänstsystemet',
  'kommunens webbplats',
  'serverdriften hos Evry',
  'lagringsplattformen',
];
const areas = [
  'systemförvaltning',
  'informationssäkerhet',
  'e-förvaltning',
  'digitalisering',
  'IT-drift',
  'licenshantering',
  'dataskydd',
  'kontinuitetsplanering',
  'e-tjänster',
  'IT-infrastruktur',
  'informationsklassning',
  'arkiv och e-arkiv',
];
const eServices = [
  'ansökan om bygglov',
  'ansökan om förskoleplats',
  'felanmälan av gatubelysning',
  'ansökan om ekonomiskt bistånd',
  'ansökan om parkeringstillstånd',
  'ansökan om skolskjuts',
  'ansökan om serveringstillstånd',
  'anmälan om hemtjänst',
];

type Pick = <T>(list: readonly T[]) => T;

/** An ärendemening and the decision's wording, composed from the vocabulary. */
function subject(pick: Pick, year: number, body: string): { title: string; text: string } {
  const system = pick(systemsNamed);
  const area = pick(areas);
  const titles: [string, string][] = [
    [`Upphandling av ${system}`, `att genomföra upphandlingen av ${system} enligt LOU`],
    [
      `Tilldelningsbeslut i upphandlingen av ${system}`,
      `att tilldela avtalet för ${system} den leverantör som lämnat det ekonomiskt mest fördelaktiga anbudet`,
    ],
    [
      `Avbruten upphandling av ${system}`,
      `att avbryta upphandlingen av ${system}; kostnaden för den avbrutna upphandlingen redovisas`,
    ],
    [
      `Avtal om ${system}`,
      `att teckna avtal om ${system} för fyra år med möjlighet till förlängning i två år`,
    ],
    [`Förlängning av avtalet för ${system}`, `att förlänga avtalet för ${system} med två år`],
    [`Införande av ${system}`, `att införa ${system} i samtliga förvaltningar`],
    [
      `Avveckling av ${system}`,
      `att avveckla ${system} och gallra eller arkivera informationen enligt informationshanteringsplanen`,
    ],
    [
      `Förvaltningsplan ${year} för ${system}`,
      `att fastställa förvaltningsplanen för ${system} inom systemförvaltningen`,
    ],
    [
      `Informationsklassning av ${system}`,
      `att godkänna informationsklassningen av ${system} och de åtgärder för informationssäkerheten som den föranleder`,
    ],
    [`Budget ${year + 1} för ${area}`, `att anslå medel i budgeten ${year + 1} för ${area}`],
    [
      `IT-strategi ${year}–${year + 3}`,
      `att anta IT-strategin för ${year}–${year + 3} med inriktning mot medborgarnytta och långsiktigt hållbara lösningar`,
    ],
    [`Riktlinje för ${area}`, `att anta riktlinjen för ${area}`],
    [`Uppföljning av ${area} ${year}`, `att lägga uppföljningen av ${area} ${year} till handlingarna`],
    [`Revidering av informationssäkerhetspolicyn`, `att anta den reviderade informationssäkerhetspolicyn`],
    [
      `Ny e-tjänst: ${pick(eServices)}`,
      `att ge IT-enheten i uppdrag att utveckla e-tjänsten på e-tjänsteplattformen`,
    ],
    [
      `Prioritering av projektportföljen ${year}`,
      `att prioritera behoven i projektportföljen enligt beredningsgruppens förslag`,
    ],
    [
      `Hyrespriser för dator som tjänst ${year + 1}`,
      `att fastställa hyrespriserna för datorer, skrivare och servrar i hyressystemet`,
    ],
    [
      `Genomförandeplan för styrning och ledning av IT`,
      `att godkänna genomförandeplanen i sex steg för styrning, ledning och upphandling av IT`,
    ],
  ];
  const [title, clause] = pick(titles);
  const reasons = [
    'Ärendet har beretts i IT-strategiska beredningsgruppen.',
    'Upphandlingen genomförs enligt lagen om offentlig upphandling.',
    'Kostnaden ryms inom ramen för IT-avgiften.',
    'Informationssäkerhetssamordnaren har yttrat sig i ärendet.',
    'Dataskyddsombudet har lämnat synpunkter på personuppgiftsbehandlingen.',
    'Systemägaren har anmält behovet till IT-strategen.',
    'Finansieringsgruppen har föreslagit en fördelning över tre år.',
    'Beslutet följs upp i samband med årsbokslutet.',
  ];
  return { title, text: `${body} beslutar ${clause}. ${pick(reasons)} ${pick(reasons)}` };
}

// ---------------------------------------------------------------- data

interface Seeded {
  ids: string[];
  forumIds: string[];
  seedMs: number;
}

async function seed(db: Database): Promise<Seeded> {
  const started = performance.now();
  const random = mulberry32(14);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const tenant = await directory.createTenant(db, {
    slug: 'bench',
    name: 'Benchköping kommun',
    kind: 'municipality',
  });
  const actor = systemActor(tenant.id, 'Bench set-up');
  const top = await directory.createUnit(db, actor, { name: 'Kommunledningskontoret', kind: 'department' });
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Ada',
    familyName: 'Admin',
    email: ADMIN_EMAIL,
    unitId: top.id,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);
  const responsible: string[] = [admin.id];
  for (let i = 0; i < 19; i++) {
    const person = await directory.createPerson(db, actor, {
      givenName: pick(['Anna', 'Bertil', 'Cecilia', 'David', 'Eva', 'Fredrik', 'Greta', 'Hassan']),
      familyName: `Förvaltare ${i + 1}`,
      email: `person${i + 1}@bench.example`,
      unitId: top.id,
    });
    responsible.push(person.id);
  }

  const forumRows = forumDefs.map((f) => ({
    tenantId: tenant.id,
    id: newId(),
    name: f.name,
    kind: f.kind,
    meetingsPerYear: f.meetingsPerYear,
  }));
  await db.insert(forums).values(forumRows);

  // The bodies by weight; each body and year numbers its § from 1.
  const bodies = [
    ...forumDefs.map((f, i) => ({ forumId: forumRows[i]!.id, body: null, series: 'KS', weight: f.weight })),
    ...externalBodies.map((b) => ({ forumId: null, body: b.name, series: b.series, weight: b.weight })),
  ];
  const weighted = bodies.flatMap((b) => Array.from({ length: b.weight }, () => b));
  const paragraphs = new Map<string, number>();
  const registration = new Map<string, number>();
  const ids: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  let batch: (typeof decisions.$inferInsert)[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const b = pick(weighted);
    const year = FIRST_YEAR + Math.floor(random() * (LAST_YEAR - FIRST_YEAR + 1));
    const bodyName = b.body ?? forumDefs[bodies.indexOf(b)]!.name;
    const key = `${b.forumId ?? b.body}:${year}`;
    const paragraph = (paragraphs.get(key) ?? 0) + 1;
    paragraphs.set(key, paragraph);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const decidedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const { title, text } = subject(pick, year, bodyName);
    const seriesKey = `${b.series}:${year}`;
    const number = (registration.get(seriesKey) ?? 0) + 1 + Math.floor(random() * 3);
    registration.set(seriesKey, number);
    const recent = year >= LAST_YEAR - 1;
    const r = random();
    const status = recent
      ? r < 0.4
        ? 'notStarted'
        : r < 0.8
          ? 'inProgress'
          : 'completed'
      : r < 0.03
        ? 'revoked'
        : r < 0.1
          ? 'inProgress'
          : 'completed';
    const followUp = random() < 0.2;
    const archived = random() < 0.01;
    const id = newId();
    ids.push(id);
    batch.push({
      tenantId: tenant.id,
      id,
      forumId: b.forumId,
      body: b.body,
      decidedOn: decidedOn > today ? today : decidedOn,
      paragraph,
      title,
      text,
      registrationNumber: random() < 0.7 ? `${b.series} ${year}/${number}` : null,
      status: status satisfies (typeof decisionStatuses)[number],
      responsibleId: followUp ? pick(responsible) : null,
      followUpOn: followUp
        ? `${Math.min(year + 1, LAST_YEAR + 1)}-${String(month).padStart(2, '0')}-15`
        : null,
      archivedAt: archived ? new Date() : null,
      archiveReason: archived ? 'Felregistrerat' : null,
    });
    if (batch.length === 1000) {
      await db.insert(decisions).values(batch);
      batch = [];
    }
  }
  if (batch.length) await db.insert(decisions).values(batch);
  await db.execute(sql`analyze`);
  return { ids, forumIds: forumRows.map((f) => f.id), seedMs: performance.now() - started };
}

// ---------------------------------------------------------------- what is searched

/** One word, inflected: the stemmer must bring each to the form the log holds. Common and rare. */
const oneWord = [
  'upphandlingarna',
  'informationssäkerheten',
  'avtalen',
  'systemförvaltningen',
  'budgeten',
  'e-tjänsterna',
  'IT-strategin',
  'Heroma',
  'surfplattorna',
  'serveringstillstånd',
];
/** Two or three words, as typed in the search box (websearch syntax: all must match). */
const someWords = [
  'avtal Evry',
  'upphandling ekonomisystemet',
  'avbruten upphandling',
  'informationsklassning journalsystemet',
  '"dator som tjänst"',
  'budget dataskydd',
];

interface Run {
  label: string;
  result: Paced;
  /** Rows the searches of the run match, for information (a range over its terms). */
  matches?: [number, number];
}

async function rowsOfSql<T>(db: Database, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

async function matchCounts(db: Database, terms: string[]) {
  const counts: number[] = [];
  for (const term of terms) {
    const [row] = await rowsOfSql<{ n: number }>(
      db,
      sql`select count(*)::int as n from governance_decisions where archived_at is null and search_text @@ websearch_to_tsquery('swedish', ${term})`,
    );
    counts.push(row!.n);
  }
  return counts;
}

type Params = { search: string } & Record<string, string>;

/** The searches the runs make, as the log's query parameters. */
function searches(forumIds: string[]): Record<'one' | 'some' | 'filtered' | 'registration', Params[]> {
  return {
    one: oneWord.map((search) => ({ search })),
    some: someWords.map((search) => ({ search })),
    filtered: [
      { search: 'upphandlingarna', body: 'Kommunstyrelsen' },
      { search: 'avtalen', year: '2024' },
      { search: 'informationssäkerheten', status: 'inProgress' },
      { search: 'budgeten', forumId: forumIds[3]! },
      { search: 'e-tjänsterna', body: 'Barn- och utbildningsnämnden', year: '2025', status: 'notStarted' },
      { search: 'Heroma', year: '2019' },
    ],
    registration: ['KS 2024/12', 'BUN 2019/3', 'SN 2025/40', 'KS 2013/1341'].map((search) => ({ search })),
  };
}

/**
 * BENCH_EXPLAIN: each search once at a time through the service (no HTTP, no queue: what one
 * costs), the median of 5, and the plan's scan of the plain text searches.
 */
async function explainAll(db: Database, forumIds: string[]) {
  const [first] = await rowsOfSql<{ tenant_id: string }>(
    db,
    sql`select tenant_id from governance_decisions limit 1`,
  );
  const tenantId = first!.tenant_id;
  const actor = systemActor(tenantId, 'Bench');
  for (const params of Object.values(searches(forumIds)).flat()) {
    const query = decisionListQuery.parse(params);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      await listDecisions(db, actor, query);
      if (i > 0) times.push(performance.now() - started);
    }
    let plan = '';
    if (Object.keys(params).length === 1 && !/\d/.test(params.search)) {
      const rows = await rowsOfSql<Record<string, string>>(
        db,
        sql`explain (analyze) select id from governance_decisions where tenant_id = ${tenantId} and archived_at is null and search_text @@ websearch_to_tsquery('swedish', ${params.search}) order by decided_on desc, paragraph desc, id desc limit 51`,
      );
      const lines = rows.map((r) => String(Object.values(r)[0]));
      const scan = lines
        .find((l) => /Scan/.test(l))
        ?.trim()
        .replace(/\s+\(cost.*$/, '');
      plan = `; plan: ${scan}, ${lines.find((l) => /Execution Time/.test(l))?.trim()}`;
    }
    log(`${new URLSearchParams(params)}: ${quantile(times, 0.5).toFixed(1)} ms through the service${plan}`);
  }
}

// ---------------------------------------------------------------- one database kind

interface KindReport {
  kind: 'pg' | 'pglite';
  seeded: Seeded;
  byId: [Paced, Paced];
  runs: Run[];
  zeroMatches: string[];
}

async function runKind(
  kind: 'pg' | 'pglite',
  cleanups: (() => Promise<void>)[],
): Promise<KindReport | undefined> {
  const database = await benchDatabase(kind, DB_NAME);
  cleanups.push(() => database.dispose());
  const handle = await database.open();
  const serverEnv = database.serverEnv;
  log(`${kind}: migrating and generating ${DECISIONS} decisions …`);
  let seeded: Seeded;
  let counts: { one: number[]; some: number[] };
  try {
    await migrate(handle);
    seeded = await seed(handle.db);
    counts = { one: await matchCounts(handle.db, oneWord), some: await matchCounts(handle.db, someWords) };
    if (EXPLAIN) await explainAll(handle.db, seeded.forumIds);
  } finally {
    await handle.close();
  }
  log(`${kind}: data ready in ${(seeded.seedMs / 1000).toFixed(1)} s`);
  const zeroMatches = [...oneWord, ...someWords].filter((_, i) => [...counts.one, ...counts.some][i] === 0);
  if (EXPLAIN_ONLY) return undefined;

  const server = await startServer(serverEnv);
  try {
    const headers = await signIn(server.port, ADMIN_EMAIL, PASSWORD);
    const ids = seeded.ids;
    const byIdPath = () => `/api/v1/decisions/${ids[Math.floor(Math.random() * ids.length)]}`;
    const rotate = (paths: string[]) => {
      let i = 0;
      return () => paths[i++ % paths.length]!;
    };
    const q = (params: Record<string, string>) => `/api/v1/decisions?${new URLSearchParams(params)}`;
    const all = searches(seeded.forumIds);
    const onePaths = all.one.map(q);
    const somePaths = all.some.map(q);
    const filteredPaths = all.filtered.map(q);
    const registrationPaths = all.registration.map(q);

    log(`${kind}: warming up …`);
    await saturate(
      server.port,
      headers,
      [...onePaths, ...somePaths, ...filteredPaths, ...registrationPaths, byIdPath()].map((path) => ({
        path,
      })),
      { connections: 4, seconds: 3 },
    );

    const options: LoadOptions = { connections: CONNECTIONS, seconds: SECONDS };
    const run = async (label: string, path: () => string) => {
      const result = await paced(server.port, headers, path, RATE, options);
      log(`${kind}: ${label}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
      return result;
    };
    const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
    const byId1 = await run('by id', byIdPath);
    const runs: Run[] = [
      {
        label: 'search, one inflected word',
        result: await run('one word', rotate(onePaths)),
        matches: range(counts.one),
      },
      {
        label: 'search, two or three words',
        result: await run('some words', rotate(somePaths)),
        matches: range(counts.some),
      },
      {
        label: 'search with filters (body, year, status, forum)',
        result: await run('filtered', rotate(filteredPaths)),
      },
      { label: 'search by diarienummer', result: await run('diarienummer', rotate(registrationPaths)) },
    ];
    const byId2 = await run('by id', byIdPath);
    return { kind, seeded, byId: [byId1, byId2], runs, zeroMatches };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- report

function log(line: string) {
  process.stderr.write(`· ${line}\n`);
}

function report(reports: KindReport[], skipped: string[]): boolean {
  let allMet = true;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log('');
  console.log(
    `Governance benchmark: ${DECISIONS} decisions (${FIRST_YEAR}–${LAST_YEAR}, ${forumDefs.length} forums and ` +
      `${externalBodies.length} external bodies); paced runs at ${RATE} req/s for ${SECONDS} s each. ` +
      `Machine: ${availableParallelism()} cores, load ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (shared: compare ratios).`,
  );
  for (const r of reports) {
    const target = TARGET_P99_MS[r.kind];
    const failed = [...r.byId, ...r.runs.map((x) => x.result)].reduce((n, p) => n + p.bad, 0);
    if (failed > 0 || r.zeroMatches.length > 0) allMet = false;
    const reference = (r.byId[0].p99 + r.byId[1].p99) / 2;
    console.log('');
    console.log(
      `${r.kind === 'pg' ? 'PostgreSQL' : 'PGlite'}:${failed > 0 ? ` ${failed} requests FAILED` : ''}`,
    );
    console.log(
      `  GET one decision by id (the reference): p50 ${ms(r.byId[0].p50)} / ${ms(r.byId[1].p50)}, ` +
        `p99 ${ms(r.byId[0].p99)} / ${ms(r.byId[1].p99)} (before / after the searches)`,
    );
    for (const run of r.runs) {
      const met = run.result.p99 < target;
      if (!met) allMet = false;
      const matches = run.matches ? `; ${run.matches[0]}–${run.matches[1]} matches a term` : '';
      console.log(
        `  ${run.label}: p50 ${ms(run.result.p50)}, p99 ${ms(run.result.p99)} = ` +
          `${(run.result.p99 / reference).toFixed(1)}× by id${matches} (target p99 < ${target} ms: ${met ? 'met' : 'MISSED'})`,
      );
    }
    if (r.zeroMatches.length > 0)
      console.log(`  NO MATCHES (the stemmer or the data is wrong): ${r.zeroMatches.join(', ')}`);
    console.log(`  data generated in ${(r.seeded.seedMs / 1000).toFixed(1)} s`);
  }
  for (const s of skipped) console.log(`Skipped: ${s}`);
  console.log('');
  console.log(allMet ? 'All targets met.' : 'Some targets were missed (or requests failed): see above.');
  return allMet;
}

// ---------------------------------------------------------------- main

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  killServers();
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: Error) => log(`clean-up: ${e.message}`));
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const loadAtStart = loadavg()[0]!;
const reports: KindReport[] = [];
const skipped: string[] = [];
let ok = false;
try {
  for (const kind of KINDS) {
    if (kind === 'pg') {
      const reachable = await onServer(PG_ADMIN_URL, ['select 1'], 3).then(
        () => true,
        () => false,
      );
      if (!reachable) {
        skipped.push(`PostgreSQL at ${PG_ADMIN_URL} is unreachable; its targets were not measured.`);
        continue;
      }
    }
    const measured = await runKind(kind, cleanups);
    if (measured) reports.push(measured);
  }
  if (EXPLAIN_ONLY) {
    console.log('BENCH_EXPLAIN=only: the searches timed one at a time (above); no load measured.');
    ok = skipped.length === 0;
  } else ok = report(reports, skipped) && skipped.length === 0;
} finally {
  await cleanUp();
}
process.exitCode = ok ? 0 : 1;
