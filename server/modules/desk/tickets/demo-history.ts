import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type CompiledCalendar, dueAt, zonedInstant } from '../../../../shared/desk/calendar.ts';
import type { ImportEvent, ImportTicket } from '../../../../shared/desk/import.ts';
import type { TicketCategory, TicketType } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import { people } from '../../../platform/directory/schema.ts';
import { scopeHolders } from '../../../platform/directory/service.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { systems } from '../../registry/systems/schema.ts';
import { compiledCalendarForUnit } from '../calendars/service.ts';
import { AGENT, GROUP } from '../groups/service.ts';
import { importTickets } from './import.ts';

// Two years of Styrby's desk history (issue 13 point 14), loaded through the ticket import so the
// clocks and compliance come from each history by the live rules. Believable, not random noise:
// volume follows the school year (August's start and September the busiest, July the quietest,
// Mondays the heaviest day), the questions are the ones a kommun's desk gets, most are solved by
// the first line, some go to second line or a system's förvaltning, some wait for the requester or
// the supplier, a few are reopened, a quarter are rated. Deterministic (a seeded generator), so
// every demo shows the same figures. DEMO_DESK_HISTORY sets the number (20,000 by default).

const DAY = 86_400_000;
const MINUTE = 60_000;

/** mulberry32: small, fast and good enough for demo data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Volume by month (January first): August's school start, July's holidays. */
const MONTH = [1.05, 1.0, 1.0, 0.95, 0.95, 0.85, 0.45, 1.6, 1.3, 1.0, 1.0, 0.75];
/** By weekday (Sunday first). */
const WEEKDAY = [0.03, 1.3, 1.1, 1.0, 0.95, 0.8, 0.04];

interface Kind {
  title: string;
  type?: TicketType;
  category: TicketCategory;
  /** The system by its name in the register. */
  system?: string;
  /** Where second line goes: a group by name. */
  next?: string;
  weight: number;
  impact?: 1 | 2 | 3;
  urgency?: 1 | 2 | 3;
  /** Typical business minutes to solve. */
  minutes: number;
}

const SECOND = 'IT-enheten, andra linjen';
const HEROMA = 'Förvaltning Lön- och personalsystem';
const DIARIUM = 'Förvaltning Diarium och ärendehantering';
const kinds: Kind[] = [
  { title: 'Glömt lösenordet', category: 'password', weight: 14, minutes: 10 },
  { title: 'Kontot är låst', category: 'account', weight: 8, minutes: 15 },
  {
    title: 'Kan inte logga in i Heroma',
    category: 'account',
    system: 'Lön- och personalsystem',
    next: HEROMA,
    weight: 6,
    urgency: 2,
    minutes: 60,
  },
  {
    title: 'Lönebeskedet syns inte i Heroma',
    category: 'function',
    system: 'Lön- och personalsystem',
    next: HEROMA,
    weight: 3,
    minutes: 240,
  },
  {
    title: 'Behörighet i Heroma för ny chef',
    category: 'account',
    system: 'Lön- och personalsystem',
    next: HEROMA,
    weight: 3,
    minutes: 300,
  },
  {
    title: 'Fakturan fastnar i attestflödet',
    category: 'function',
    system: 'Ekonomisystem',
    next: 'Förvaltning Ekonomisystem',
    weight: 4,
    minutes: 360,
  },
  {
    title: 'Behörighet till leverantörsreskontran',
    category: 'account',
    system: 'Ekonomisystem',
    next: 'Förvaltning Ekonomisystem',
    weight: 2,
    minutes: 300,
  },
  {
    title: 'Kan inte registrera handling i diariet',
    category: 'function',
    system: 'Diarium och ärendehantering',
    next: 'Förvaltning Diarium och ärendehantering',
    weight: 3,
    minutes: 240,
  },
  {
    title: 'Delad kalender syns inte',
    category: 'function',
    system: 'E-post och kalender',
    next: 'Förvaltning E-post och kalender',
    weight: 4,
    minutes: 90,
  },
  {
    title: 'Outlook startar inte',
    category: 'client',
    system: 'E-post och kalender',
    weight: 5,
    urgency: 2,
    minutes: 45,
  },
  {
    title: 'Skrivaren skriver inte ut',
    category: 'printing',
    system: 'Utskriftstjänst',
    next: SECOND,
    weight: 9,
    minutes: 120,
  },
  {
    title: 'Wifi fungerar inte i klassrummet',
    category: 'network',
    system: 'Nätverk och brandvägg',
    next: SECOND,
    weight: 6,
    impact: 2,
    minutes: 240,
  },
  {
    title: 'Nätverket är nere på skolan',
    category: 'network',
    system: 'Nätverk och brandvägg',
    next: SECOND,
    weight: 1,
    impact: 1,
    urgency: 1,
    minutes: 120,
  },
  {
    title: 'Installera program på datorn',
    category: 'client',
    system: 'Klientplattform',
    next: SECOND,
    weight: 7,
    minutes: 180,
  },
  { title: 'Datorn är långsam', category: 'client', system: 'Klientplattform', weight: 5, minutes: 120 },
  {
    title: 'Lärplattformen visar inte elevernas inlämningar',
    category: 'function',
    system: 'Lärplattform',
    next: SECOND,
    weight: 4,
    urgency: 2,
    minutes: 300,
  },
  {
    title: 'Elevkonton till nya klasser',
    category: 'account',
    system: 'Elevregister och skoladministration',
    next: SECOND,
    weight: 3,
    minutes: 480,
  },
  {
    title: 'Utbildning i nämndadministrationen',
    category: 'training',
    system: 'Nämndadministration',
    weight: 1,
    minutes: 600,
  },
  {
    title: 'Ny dator till medarbetare',
    type: 'request',
    category: 'order',
    system: 'Klientplattform',
    next: SECOND,
    weight: 5,
    minutes: 1200,
  },
  { title: 'Ny mobiltelefon', type: 'request', category: 'order', weight: 3, minutes: 900 },
  {
    title: 'Funktionsbrevlåda för enheten',
    type: 'request',
    category: 'order',
    system: 'E-post och kalender',
    weight: 1,
    minutes: 600,
  },
  {
    title: 'Önskemål om ny rapport i ekonomisystemet',
    type: 'change',
    category: 'function',
    system: 'Ekonomisystem',
    next: 'Förvaltning Ekonomisystem',
    weight: 1,
    minutes: 4000,
  },
];

/** Business minutes from `from` on the calendar, as an ISO instant. */
function after(calendar: CompiledCalendar, from: number, minutes: number): number {
  return dueAt(calendar, new Date(from), Math.max(1, Math.round(minutes))).getTime();
}

/** A duration drawn around a typical one (log-normal-ish: most near it, a long tail). */
function around(rand: () => number, typical: number): number {
  const u = Math.max(1e-6, rand());
  const v = rand();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return typical * Math.exp(0.7 * normal);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function weighted(rand: () => number, list: readonly Kind[], total: number): Kind {
  let r = rand() * total;
  for (const k of list) {
    r -= k.weight;
    if (r <= 0) return k;
  }
  return list[list.length - 1]!;
}

/** Tickets per day for `days` days ending yesterday, adding up to `count`. */
function volumes(count: number, days: number, end: number): { day: number; n: number }[] {
  const weights = [];
  for (let i = days; i >= 1; i--) {
    const day = end - i * DAY;
    const d = new Date(day);
    weights.push({ day, w: MONTH[d.getUTCMonth()]! * WEEKDAY[d.getUTCDay()]! });
  }
  const total = weights.reduce((a, b) => a + b.w, 0);
  const out = weights.map((x) => ({
    day: x.day,
    n: Math.floor((x.w / total) * count),
    rest: ((x.w / total) * count) % 1,
  }));
  let missing = count - out.reduce((a, b) => a + b.n, 0);
  for (const o of [...out].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    o.n++;
  }
  return out.map(({ day, n }) => ({ day, n }));
}

export async function loadTicketHistory(db: Database, tenant: DemoContext, made: Made, count: number) {
  if (tenant.slug !== 'styrby' || count <= 0) return;
  const rand = random(20_260_801);
  const groupId = (name: string) => made.get(`group:${name}`);
  const desk = groupId('Servicedesk');
  if (!desk) return;
  const groupIds = [...made.entries()].filter(([k]) => k.startsWith('group:')).map(([, v]) => v);
  const holders = await scopeHolders(db, tenant.id, AGENT, GROUP, groupIds);
  const members = new Map<string, string[]>();
  for (const h of holders) members.set(h.scopeId, [...(members.get(h.scopeId) ?? []), h.personId]);
  const staff = new Set(holders.map((h) => h.personId));
  // The demo's employee persona keeps a short list of their own (the portal's walkthrough).
  const persona = tenant.personId('medarbetare@styrbord.example');
  const requesters = (
    await db
      .select({ id: people.id, unitId: people.unitId })
      .from(people)
      .where(and(eq(people.tenantId, tenant.id), isNull(people.archivedAt)))
  ).filter((p) => !staff.has(p.id) && p.unitId !== null && p.id !== persona);
  const systemRows = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(
      and(
        eq(systems.tenantId, tenant.id),
        inArray(systems.name, [...new Set(kinds.flatMap((k) => k.system ?? []))]),
      ),
    );
  const systemId = new Map(systemRows.map((s) => [s.name, s.id]));
  const calendar = await compiledCalendarForUnit(db, tenant.id, null);
  const totalWeight = kinds.reduce((a, k) => a + k.weight, 0);
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const supplierGroup = groupId('CGI support (Heroma)');
  // The förvaltning groups that hand a share of their tickets on to the supplier's support group,
  // and back when it is done (the underpinning contracts' follow-up, ../suppliers). Drawn from a
  // generator of their own, so the rest of the history is the same with or without them.
  const vendorRand = random(20_261_201);
  const vendors = new Map(
    [
      [HEROMA, supplierGroup],
      [DIARIUM, groupId('Formpipe support (Diarium)')],
    ].filter((e): e is [string, string] => e[1] !== undefined),
  );

  const list: ImportTicket[] = [];
  let n = 0;
  for (const { day, n: perDay } of volumes(count, 730, today)) {
    const d = new Date(day);
    for (let i = 0; i < perDay; i++) {
      const kind = weighted(rand, kinds, totalWeight);
      const requester = pick(rand, requesters);
      // Mostly in office hours, the morning busiest; a few in the evening.
      const hour = rand() < 0.92 ? 7 + Math.min(8.9, Math.abs(around(rand, 2.2))) : 17 + rand() * 4;
      const wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + hour * 3_600_000;
      const created = zonedInstant('Europe/Stockholm', wall);
      if (created >= now - 10 * MINUTE) continue;
      const events: ImportEvent[] = [];
      const at = (t: number) => new Date(Math.min(t, now - MINUTE)).toISOString();
      let t = after(calendar, created, around(rand, 8));
      const deskAgent = pick(rand, members.get(desk) ?? []);
      events.push({ at: at(t), groupId: desk, assigneeId: deskAgent ?? null, status: 'assigned' });
      t = after(calendar, t, around(rand, 10));
      events.push({ at: at(t), status: 'inProgress', reply: true });
      // Handed on in about a third of the cases that have somewhere to go.
      const next = kind.next ? groupId(kind.next) : undefined;
      if (next && rand() < 0.45) {
        t = after(calendar, t, around(rand, 20));
        const nextAgent = pick(rand, members.get(next) ?? []);
        events.push({ at: at(t), groupId: next, assigneeId: nextAgent ?? null, status: 'assigned' });
        t = after(calendar, t, around(rand, 40));
        events.push({ at: at(t), status: 'inProgress' });
        const vendor = vendors.get(kind.next!);
        if (vendor && vendorRand() < 0.3) {
          // To the supplier's support, their answer, and back to the förvaltning when they are done.
          t = after(calendar, t, around(vendorRand, 60));
          events.push({ at: at(t), groupId: vendor, assigneeId: null });
          t = after(calendar, t, around(vendorRand, 150));
          events.push({ at: at(t), reply: true });
          t = after(calendar, t, around(vendorRand, 900));
          events.push({ at: at(t), groupId: next, assigneeId: nextAgent ?? null });
        }
      }
      if (rand() < 0.18) {
        t = after(calendar, t, around(rand, kind.minutes / 3));
        events.push({ at: at(t), status: 'waitingRequester', reply: true });
        t = after(calendar, t, around(rand, 240));
        events.push({ at: at(t), status: 'inProgress' });
      }
      if (kind.next === HEROMA && supplierGroup && rand() < 0.15) {
        t = after(calendar, t, around(rand, 60));
        events.push({ at: at(t), status: 'waitingSupplier' });
        t = after(calendar, t, around(rand, 900));
        events.push({ at: at(t), status: 'inProgress' });
      }
      t = after(calendar, t, around(rand, kind.minutes));
      let solved = t;
      events.push({ at: at(t), status: 'solved', reply: true });
      let rating: number | null = null;
      if (rand() < 0.04) {
        t += (1 + rand() * 3) * DAY;
        events.push({ at: at(t), status: 'inProgress' });
        t = after(calendar, t, around(rand, kind.minutes / 2));
        solved = t;
        events.push({ at: at(t), status: 'solved', reply: true });
      }
      if (rand() < 0.27) rating = Math.min(5, Math.max(1, Math.round(5.3 - Math.abs(around(rand, 0.9)))));
      const closeAt = solved + 10 * DAY;
      if (closeAt < now) events.push({ at: at(closeAt), status: 'closed' });
      // Events not yet happened are left out: the last days' tickets are still open.
      const happened = events.filter((e) => Date.parse(e.at) < now - MINUTE);
      list.push({
        sourceRef: `demo:${++n}`,
        type: kind.type ?? 'incident',
        title: kind.title,
        description: '',
        requesterId: requester.id,
        unitId: requester.unitId,
        systemId: kind.system ? (systemId.get(kind.system) ?? null) : null,
        category: kind.category,
        impact: kind.impact ?? 3,
        urgency: kind.urgency ?? 3,
        createdAt: new Date(created).toISOString(),
        events: happened,
        rating: happened.some((e) => e.status === 'solved') ? rating : null,
      });
    }
  }
  for (let i = 0; i < list.length; i += 500)
    await importTickets(db, tenant.actor, { tickets: list.slice(i, i + 500) });
}

/** How many history tickets the demo gets: DEMO_DESK_HISTORY (whole number ≥ 0), else 20,000. */
export function historySize(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.DEMO_DESK_HISTORY;
  if (given === undefined || given === '') return 20_000;
  if (!/^\d{1,7}$/.test(given))
    throw new Error(`DEMO_DESK_HISTORY="${given}" is invalid: expected a whole number`);
  return Number(given);
}
