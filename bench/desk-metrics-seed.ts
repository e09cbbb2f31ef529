// The data of bench/desk-metrics.ts: a municipality's desk at the scale of a large shared
// instance, bulk-inserted in SQL (generate_series) straight into the desk's tables. The services'
// one transaction per ticket would take hours for a million; the rows are built as the ticket
// import would leave them (the same columns, an `sla` document of the same shape and size, the
// timeline's status events), and the database fills the generated columns (search text, sort keys).
//
// Believable spreads, seeded (setseed) so that every run measures the same rows:
//   - created over the last two years, by month (August's school start and September busiest, July
//     quietest) and weekday (Monday heaviest, weekends near none), mostly in office hours;
//   - 9 förvaltningar with 3–5 units each, of very different sizes (the school one largest);
//   - priority 1 2 %, 2 10 %, 3 60 %, 4 28 %; a service on a third, a system on 70 %;
//   - 65 % solved by the first line, the rest handed on to second line, a förvaltning group or a
//     supplier; solved after a log-normal time by priority, closed ten days later; the last
//     weeks' tickets partly open;
//   - responses breached in 2–9 %, resolutions in 6–25 % (worse in some units and for supplier
//     groups), 3.5 % reopened (with their reopening in the timeline), a quarter rated.

import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../server/db/client.ts';

export interface SeededDesk {
  tickets: number;
  events: number;
  units: number;
  /** The förvaltningar (top-level units). */
  departments: string[];
  seedMs: number;
}

const departments = [
  ['Barn- och utbildningsförvaltningen', 5, 3.0],
  ['Vård- och omsorgsförvaltningen', 5, 2.0],
  ['Socialförvaltningen', 4, 1.4],
  ['Samhällsbyggnadsförvaltningen', 4, 1.0],
  ['Kommunledningskontoret', 5, 1.0],
  ['Kultur- och fritidsförvaltningen', 3, 0.6],
  ['Miljö- och hälsoskyddskontoret', 3, 0.3],
  ['Kontoret för interna tjänster', 4, 0.8],
  ['Styrby Bostäder AB', 3, 0.4],
] as const;

const titles = [
  'Glömt lösenordet',
  'Kontot är låst',
  'Kan inte logga in i Heroma',
  'Skrivaren skriver inte ut',
  'Wifi fungerar inte i klassrummet',
  'Outlook startar inte',
  'Installera program på datorn',
  'Datorn är långsam',
  'Fakturan fastnar i attestflödet',
  'Ny dator till medarbetare',
  'Behörighet i Heroma för ny chef',
  'Lärplattformen visar inte elevernas inlämningar',
];

/** A PostgreSQL array literal of ids or numbers (Drizzle would send a JS array as a row). */
const pgArray = (list: readonly (string | number)[]) => `{${list.join(',')}}`;

/** Inserts the desk's surroundings and `count` tickets with their timelines into `tenantId`. */
export async function seedDesk(db: Database, tenantId: string, count: number): Promise<SeededDesk> {
  const began = performance.now();
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  // Units: the förvaltningar and their units (weights: how many tickets each brings).
  const unitRows: { id: string; parent: string | null; name: string; weight: number }[] = [];
  const top: string[] = [];
  for (const [name, children, weight] of departments) {
    const id = crypto.randomUUID();
    top.push(id);
    unitRows.push({ id, parent: null, name, weight: weight * 0.3 });
    for (let i = 1; i <= children; i++)
      unitRows.push({
        id: crypto.randomUUID(),
        parent: id,
        name: `${name.split(/[- ]/)[0]} enhet ${i}`,
        weight: (weight * (1 + (i % 3))) / children,
      });
  }
  await run(sql`
    insert into units (tenant_id, id, parent_id, name, kind)
    select ${tenantId}, x.id, x.parent, x.name, case when x.parent is null then 'department' else 'office' end
    from json_to_recordset(${JSON.stringify(unitRows)}::json) as x(id uuid, parent uuid, name text)`);
  // Requesters: 6,000 people over the units by their weight.
  const school = unitRows.filter((u) => u.id === top[0] || u.parent === top[0]).map((u) => u.id);
  const weights = unitRows.map((u) => u.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  const cumulative = weights.map((w) => (running += w / total));
  await run(sql`
    insert into people (tenant_id, id, given_name, family_name, email, unit_id)
    select ${tenantId}, gen_random_uuid(), 'Person', 'Nummer ' || i, 'person' || i || '@bench.example',
      (${pgArray(unitRows.map((u) => u.id))}::uuid[])[least(width_bucket((i % 997) / 997.0, ${pgArray(cumulative)}::float8[]) + 1, ${unitRows.length})]
    from generate_series(1, 6000) i`);
  await run(sql`
    insert into registry_suppliers (tenant_id, id, name)
    values (${tenantId}, gen_random_uuid(), 'CGI Sverige AB'), (${tenantId}, gen_random_uuid(), 'Evry Sverige AB')`);
  await run(sql`
    insert into registry_systems (tenant_id, id, name, scope)
    select ${tenantId}, gen_random_uuid(), 'System ' || lpad(i::text, 2, '0'), 'shared'
    from generate_series(1, 40) i`);
  // Groups: the first line, second line, six förvaltning groups and two suppliers' groups.
  await run(sql`
    insert into desk_groups (tenant_id, id, name, kind, supplier_id)
    select ${tenantId}, gen_random_uuid(), g.name, g.kind,
      (select id from registry_suppliers s where s.tenant_id = ${tenantId} and s.name = g.supplier)
    from (values ('Servicedesk', 'firstLine', null), ('IT-enheten, andra linjen', 'secondLine', null),
      ('Förvaltning Heroma', 'management', null), ('Förvaltning Ekonomisystem', 'management', null),
      ('Förvaltning Diarium', 'management', null), ('Förvaltning Lärplattform', 'management', null),
      ('Förvaltning E-post', 'management', null), ('Förvaltning Elevregister', 'management', null),
      ('CGI support (Heroma)', 'supplier', 'CGI Sverige AB'), ('Evry drift', 'supplier', 'Evry Sverige AB'))
      as g(name, kind, supplier)`);
  await run(sql`
    insert into desk_service_levels (tenant_id, id, name, kind, targets, escalation, is_default)
    values (${tenantId}, gen_random_uuid(), 'Standard', 'service',
      '{"1":{"response":30,"resolution":240},"2":{"response":60,"resolution":960},"3":{"response":240,"resolution":2700},"4":{"response":null,"resolution":5400}}',
      '{"notifyLead":"breach","raisePriority":false,"reassignGroupId":null}', true)`);
  await run(sql`
    insert into desk_services (tenant_id, id, name, service_level_id)
    select ${tenantId}, gen_random_uuid(), 'Tjänst ' || i, (select id from desk_service_levels where tenant_id = ${tenantId})
    from generate_series(1, 10) i`);

  // What the tickets point at, as constant arrays in the statement: rows that carried arrays
  // (or a join that rescans their subqueries) copy them for every ticket.
  const ids = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ id: string }>(await db.execute(query)).map((r) => r.id);
  const requesters = await ids(sql`select id from people where tenant_id = ${tenantId} order by email`);
  const systemIds = await ids(
    sql`select id from registry_systems where tenant_id = ${tenantId} order by name`,
  );
  const serviceIds = await ids(sql`select id from desk_services where tenant_id = ${tenantId} order by name`);
  const [firstLine] = await ids(
    sql`select id from desk_groups where tenant_id = ${tenantId} and kind = 'firstLine'`,
  );
  const otherGroups = await ids(
    sql`select id from desk_groups where tenant_id = ${tenantId} and kind <> 'firstLine' order by kind, name`,
  );
  const [levelId] = await ids(sql`select id from desk_service_levels where tenant_id = ${tenantId}`);
  // Days of the last two years by weight (month × weekday), as a cumulative distribution.
  const MONTH = [1.05, 1.0, 1.0, 0.95, 0.95, 0.85, 0.45, 1.6, 1.3, 1.0, 1.0, 0.75];
  const WEEKDAY = [0.03, 1.3, 1.1, 1.0, 0.95, 0.8, 0.04];
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const dayList = Array.from({ length: 730 }, (_, i) => new Date(today - (730 - i) * 86_400_000));
  const dayWeights = dayList.map((d) => MONTH[d.getUTCMonth()]! * WEEKDAY[d.getUTCDay()]!);
  const dayTotal = dayWeights.reduce((a, b) => a + b, 0);
  let dayRunning = 0;
  const dayCumulative = dayWeights.map((w) => (dayRunning += w / dayTotal));

  // The tickets, in one statement. Each random draw is made once in `r` and read by name.
  await run(sql`select setseed(0.1729)`);
  await run(sql`
    with r as (
      select i, random() as r_day, random() as r_hour, random() as r_prio, random() as r_person,
        random() as r_system, random() as r_service, random() as r_group, random() as r_solve1,
        random() as r_solve2, random() as r_open, random() as r_resp, random() as r_breach,
        random() as r_reopen, random() as r_rate, random() as r_title
      from generate_series(1, ${count}) i
    ), base as (
      select r.*,
        ((${pgArray(dayList.map((d) => d.toISOString().slice(0, 10)))}::date[])[least(width_bucket(r_day, ${pgArray(dayCumulative)}::float8[]) + 1, 730)]::timestamp
          + make_interval(mins => (420 + 540 * power(r_hour, 1.7))::int)) at time zone 'Europe/Stockholm' as created,
        case when r_prio < 0.02 then 1 when r_prio < 0.12 then 2 when r_prio < 0.72 then 3 else 4 end as prio,
        (${pgArray(requesters)}::uuid[])[1 + floor(r_person * ${requesters.length})::int] as requester,
        case when r_group >= 0.65 then (${pgArray(otherGroups)}::uuid[])[1 + floor((r_group - 0.65) / 0.35 * ${otherGroups.length})::int] end as handed_to,
        case when r_system < 0.7 then (${pgArray(systemIds)}::uuid[])[1 + floor(r_system / 0.7 * ${systemIds.length})::int] end as system_id,
        case when r_service < 0.33 then (${pgArray(serviceIds)}::uuid[])[1 + floor(r_service / 0.33 * ${serviceIds.length})::int] end as service_id,
        ${firstLine}::uuid as first_line, ${levelId}::uuid as level
      from r
    ), t as (
      select b.*, p.unit_id,
        -- Units differ: the school förvaltning's tickets breach more often than the others.
        (case when p.unit_id = any(${pgArray(school)}::uuid[]) then 1.6 else 1.0 end
          * case when b.handed_to is not null then 1.5 else 1.0 end) as strain,
        b.created + make_interval(mins => (
          (array[240, 900, 2400, 4800])[b.prio] * exp(0.9 * sqrt(-2 * ln(greatest(b.r_solve1, 1e-9))) * cos(2 * pi() * b.r_solve2)) / 3
        )::int) as solved_guess,
        b.created + make_interval(mins => (5 + 40 * power(b.r_resp, 2))::int) as responded
      from base b join people p on p.tenant_id = ${tenantId} and p.id = b.requester
    ), u as (
      select t.*,
        case when solved_guess < now() and not (created > now() - interval '21 days' and r_open < 0.25)
          and r_open > 0.004 then solved_guess end as first_solved
      from t
    ), s as (
      -- A reopened ticket was solved, reopened two days later and solved again a day after that.
      select u.*, first_solved + interval '3 days' < now() and r_reopen < 0.035 as reopened,
        case when first_solved + interval '3 days' < now() and r_reopen < 0.035
          then first_solved + interval '3 days' else first_solved end as solved,
        (array[30, 60, 240, null])[prio] as response_target,
        (array[240, 960, 2700, 5400])[prio] as resolution_target,
        r_breach < (array[0.09, 0.06, 0.03, 0.02])[prio] * strain as response_breached,
        r_breach < (array[0.25, 0.16, 0.09, 0.06])[prio] * strain as resolution_breached
      from u
    )
    insert into desk_tickets (tenant_id, id, number, type, title, status, requester_id, unit_id,
      system_id, service_id, category, impact, urgency, priority, group_id, channel, reopen_count,
      handed_on, rating, first_response_at, solved_at, closed_at, sla, response_breached_at,
      resolution_breached_at, created_at, updated_at)
    select ${tenantId}, gen_random_uuid(),
      'INC-' || to_char(created at time zone 'Europe/Stockholm', 'YYYY') || '-' || lpad(i::text, 7, '0'),
      'incident', titles[1 + floor(r_title * ${titles.length})::int],
      case when solved is null then (array['assigned', 'inProgress', 'inProgress', 'waitingRequester'])[1 + (i % 4)]
        when solved + interval '10 days' < now() then 'closed' else 'solved' end,
      requester, unit_id,
      system_id, service_id,
      'function', 3, 3, prio, coalesce(handed_to, first_line), 'import',
      case when reopened then 1 else 0 end,
      handed_to is not null,
      case when solved is not null and r_rate < 0.25 then
        (array[5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(r_rate / 0.25 * 11)::int] end,
      least(responded, coalesce(solved, responded)),
      solved,
      case when solved + interval '10 days' < now() then solved + interval '10 days' end,
      jsonb_build_object(
        'levelId', level, 'calendarId', null, 'warningPercent', 80,
        'response', jsonb_build_object('phase', 'met', 'target', response_target,
          'usedMs', extract(epoch from responded - created)::bigint * 1000, 'since', null, 'dueAt', null,
          'warnAt', null, 'warnedAt', null,
          'breachedAt', case when response_breached and response_target is not null then created + make_interval(mins => response_target) end,
          'metAt', responded),
        'resolution', jsonb_build_object('phase', case when solved is null then 'running' else 'met' end,
          'target', resolution_target,
          'usedMs', extract(epoch from coalesce(solved, now()) - created)::bigint * 1000 / 3,
          'since', case when solved is null then created end,
          'dueAt', case when solved is null then created + make_interval(mins => resolution_target * 3) end,
          'warnAt', null, 'warnedAt', null,
          'breachedAt', case when resolution_breached then created + make_interval(mins => resolution_target * 3) end,
          'metAt', solved)),
      case when response_breached and response_target is not null then created + make_interval(mins => response_target) end,
      case when resolution_breached then created + make_interval(mins => resolution_target * 3) end,
      created, coalesce(solved, created)
    from s, (select array(select json_array_elements_text(${JSON.stringify(titles)}::json)) as titles) tt`);

  // The timelines: created, solved and closed for each; a reopening and the second solution for
  // the reopened ones (their first solution two days before the last one).
  await run(sql`
    insert into desk_ticket_events (tenant_id, id, ticket_id, at, kind, change)
    select t.tenant_id, gen_random_uuid(), t.id, e.at, e.kind, e.change
    from desk_tickets t
    cross join lateral (values
      (t.created_at, 'created', jsonb_build_object('status', 'new')),
      (t.first_response_at, 'status', jsonb_build_object('from', 'assigned', 'to', 'inProgress')),
      (case when t.reopen_count > 0 then t.solved_at - interval '3 days' end, 'status', jsonb_build_object('from', 'inProgress', 'to', 'solved')),
      (case when t.reopen_count > 0 then t.solved_at - interval '1 day' end, 'reopened', jsonb_build_object('from', 'solved', 'to', 'inProgress')),
      (t.solved_at, 'status', jsonb_build_object('from', 'inProgress', 'to', 'solved')),
      (t.closed_at, 'status', jsonb_build_object('from', 'solved', 'to', 'closed'))
    ) as e(at, kind, change)
    where t.tenant_id = ${tenantId} and e.at is not null`);
  // As a running desk would have them after autovacuum: visibility map set, statistics current.
  await run(sql`vacuum analyze desk_tickets`);
  await run(sql`vacuum analyze desk_ticket_events`);
  const counted = rowsOf<{ tickets: number; events: number }>(
    await run(sql`
      select (select count(*) from desk_tickets where tenant_id = ${tenantId})::int as tickets,
        (select count(*) from desk_ticket_events where tenant_id = ${tenantId})::int as events`),
  )[0]!;
  return {
    ...counted,
    units: unitRows.length,
    departments: top,
    seedMs: performance.now() - began,
  };
}
