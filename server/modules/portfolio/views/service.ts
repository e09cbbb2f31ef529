import { type SQL, sql } from 'drizzle-orm';
import { addMonthsTo } from '../../../../shared/portfolio/procurements.ts';
import {
  type BubbleQuery,
  type Bubbles,
  type KeyRole,
  type Load,
  type LoadQuery,
  type PortfolioReport,
  PROCUREMENT_POINTS,
  type ReportQuery,
  TIMELINE_MAX,
  type Timeline,
  type TimelineQuery,
} from '../../../../shared/portfolio/views.ts';
import { type Database, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { portfolioSettingsOf } from '../demands/settings.ts';

// The portfolio's views, read only: each answer is a few statements over the tenant's index
// range (tenant_id leads every index used), joined to the names they show in the same statement:
// nothing is fetched per row. Archived projects and procurements (registered in error) are left
// out; a project's status is its latest report's worst level, read through the report index.

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const personName = (alias: string) =>
  sql.raw(`nullif(trim(${alias}.given_name || ' ' || ${alias}.family_name), '')`);

/** The latest report's worst level of the project `p`, as `rag`, and its period end. */
const latestReport = sql`left join lateral (
    select r.period_to::text as period_to, r.time, r.cost, r.scope, r.summary,
      case when 'red' in (r.time, r.cost, r.scope) then 'red'
           when 'amber' in (r.time, r.cost, r.scope) then 'amber' else 'green' end as rag
    from portfolio_status_reports r
    where r.tenant_id = p.tenant_id and r.project_id = p.id
    order by r.period_to desc limit 1
  ) latest on true`;

/** The last day before `date` + `months`. */
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function period(from: string | undefined, to: string | undefined) {
  const start = from ?? `${addMonthsTo(todayInStockholm(), -3).slice(0, 7)}-01`;
  const last = to ?? dayBefore(addMonthsTo(start, 12));
  if (last < start) throw problems.field('querystring.to', 'The end of the period is before its start');
  if (last > addMonthsTo(start, 120)) throw problems.field('querystring.to', 'At most ten years at a time');
  return { from: start, to: last };
}

// ---------------------------------------------------------------- timeline

export async function timeline(db: Database, actor: Actor, query: TimelineQuery): Promise<Timeline> {
  const { from, to } = period(query.from, query.to);
  const tenantId = actor.tenantId;
  const unit = (alias: string): SQL =>
    query.unitId ? sql`and ${sql.raw(alias)}.unit_id = ${query.unitId}` : sql``;
  const wantProjects = query.kind !== 'procurements' && !query.status;
  const wantProcurements = query.kind !== 'projects' && !query.phase;
  const [projectRows, procurementRows] = await Promise.all([
    wantProjects
      ? db.execute(sql`
          select p.id, p.name, p.phase, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
            p.unit_id, u.name as unit_name, p.manager_id, ${personName('m')} as manager_name,
            p.milestones, latest.rag, latest.period_to as latest_on
          from portfolio_projects p
          left join units u on u.tenant_id = p.tenant_id and u.id = p.unit_id
          left join people m on m.tenant_id = p.tenant_id and m.id = p.manager_id
          ${latestReport}
          where p.tenant_id = ${tenantId} and p.archived_at is null
            and (p.starts_on is null or p.starts_on <= ${to}::date)
            and (p.ends_on is null or p.ends_on >= ${from}::date)
            ${query.phase ? sql`and p.phase = ${query.phase}` : sql``} ${unit('p')}
          order by p.starts_on nulls first, p.sort_name, p.id
          limit ${TIMELINE_MAX + 1}`)
      : Promise.resolve([]),
    wantProcurements
      ? db.execute(sql`
          select r.id, r.title, r.status, r.procedure, r.starts_on, r.ends_on,
            r.advertised_on::text as advertised_on, r.tender_deadline_on::text as tender_deadline_on,
            r.awarded_on::text as awarded_on, r.unit_id, u.name as unit_name
          from (
            select q.*, coalesce(q.planned_start_on, q.advertised_on)::text as starts_on,
              coalesce(q.contract_starts_on, q.awarded_on, q.tender_deadline_on)::text as ends_on
            from portfolio_procurements q
            where q.tenant_id = ${tenantId} and q.archived_at is null
              and coalesce(q.planned_start_on, q.advertised_on, q.tender_deadline_on, q.awarded_on, q.contract_starts_on) is not null
              and (coalesce(q.planned_start_on, q.advertised_on) is null
                   or coalesce(q.planned_start_on, q.advertised_on) <= ${to}::date)
              and (coalesce(q.contract_starts_on, q.awarded_on, q.tender_deadline_on) is null
                   or coalesce(q.contract_starts_on, q.awarded_on, q.tender_deadline_on) >= ${from}::date)
              ${query.status ? sql`and q.status = ${query.status}` : sql``} ${unit('q')}
          ) r
          left join units u on u.tenant_id = ${tenantId} and u.id = r.unit_id
          order by r.starts_on nulls first, r.sort_title, r.id
          limit ${TIMELINE_MAX + 1}`)
      : Promise.resolve([]),
  ]);
  type P = {
    id: string;
    name: string;
    phase: string;
    starts_on: string | null;
    ends_on: string | null;
    unit_id: string | null;
    unit_name: string | null;
    manager_id: string | null;
    manager_name: string | null;
    milestones: unknown;
    rag: string | null;
    latest_on: string | null;
  };
  type R = {
    id: string;
    title: string;
    status: string;
    procedure: string;
    starts_on: string | null;
    ends_on: string | null;
    advertised_on: string | null;
    tender_deadline_on: string | null;
    awarded_on: string | null;
    unit_id: string | null;
    unit_name: string | null;
  };
  const ps = rowsOf<P>(projectRows);
  const rs = rowsOf<R>(procurementRows);
  return {
    from,
    to,
    today: todayInStockholm(),
    truncated: ps.length > TIMELINE_MAX || rs.length > TIMELINE_MAX,
    projects: ps.slice(0, TIMELINE_MAX).map((p) => {
      const milestones = (typeof p.milestones === 'string' ? JSON.parse(p.milestones) : p.milestones) as {
        id: string;
        name: string;
        plannedOn: string | null;
        doneOn: string | null;
      }[];
      return {
        id: p.id,
        name: p.name,
        phase: p.phase as Timeline['projects'][number]['phase'],
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        unit: ref(p.unit_id, p.unit_name),
        manager: ref(p.manager_id, p.manager_name),
        rag: p.rag as Timeline['projects'][number]['rag'],
        latestReportOn: p.latest_on,
        milestones: (milestones ?? []).map((m) => ({
          id: m.id,
          name: m.name,
          plannedOn: m.plannedOn ?? null,
          doneOn: m.doneOn ?? null,
        })),
      };
    }),
    procurements: rs.slice(0, TIMELINE_MAX).map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as Timeline['procurements'][number]['status'],
      procedure: r.procedure as Timeline['procurements'][number]['procedure'],
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      advertisedOn: r.advertised_on,
      tenderDeadlineOn: r.tender_deadline_on,
      awardedOn: r.awarded_on,
      unit: ref(r.unit_id, r.unit_name),
    })),
  };
}

// ---------------------------------------------------------------- bubble chart

export async function bubbles(db: Database, actor: Actor, query: BubbleQuery): Promise<Bubbles> {
  // The ranked backlog's index (tenant, score desc, id desc), or with a status its own.
  const rows = rowsOf<{
    id: string;
    number: string;
    title: string;
    status: string;
    unit_id: string | null;
    unit_name: string | null;
    score: number;
    yearly_savings: string | null;
    hours_freed: number | null;
    investment: string | null;
    running_cost: string | null;
    low_risk: string | null;
  }>(
    await db.execute(sql`
      select d.id, d.number, d.title, d.status, d.unit_id, u.name as unit_name, d.score,
        d.yearly_savings, d.hours_freed, d.investment, d.running_cost, d.ratings->>'lowRisk' as low_risk
      from portfolio_demands d
      left join units u on u.tenant_id = d.tenant_id and u.id = d.unit_id
      where d.tenant_id = ${actor.tenantId}
        ${query.status ? sql`and d.status = ${query.status}` : sql`and d.status <> 'closed'`}
        ${query.unitId ? sql`and d.unit_id = ${query.unitId}` : sql``}
        and (d.yearly_savings is not null or d.investment is not null or d.running_cost is not null)
      order by d.score desc, d.id desc
      limit ${query.limit}`),
  );
  return {
    items: rows.map((d) => {
      const lowRisk = d.low_risk === null ? null : Number(d.low_risk);
      return {
        id: d.id,
        number: d.number,
        title: d.title,
        status: d.status as Bubbles['items'][number]['status'],
        unit: ref(d.unit_id, d.unit_name),
        score: Number(d.score) / 100,
        yearlySavings: n(d.yearly_savings),
        hoursFreed: n(d.hours_freed),
        investment: n(d.investment),
        runningCost: n(d.running_cost),
        risk: lowRisk === null || !Number.isFinite(lowRisk) ? null : Math.max(0, Math.min(5, 5 - lowRisk)),
      };
    }),
  };
}

// ---------------------------------------------------------------- load on key roles

export async function load(db: Database, actor: Actor, query: LoadQuery): Promise<Load> {
  const first = `${(query.from ?? todayInStockholm()).slice(0, 7)}-01`;
  const months = Array.from({ length: query.months }, (_, i) => addMonthsTo(first, i).slice(0, 7));
  const last = addMonthsTo(first, query.months - 1);
  const unit = (alias: string): SQL =>
    query.unitId ? sql`and ${sql.raw(alias)}.unit_id = ${query.unitId}` : sql``;
  // Who carries what, when: a project under way (not handed over, not archived) weighs by its
  // demand's effort; a procurement from its planned start (or advertisement) until its contract
  // starts (or the award), unless cancelled or contracted. Open ends run on. One grouped statement:
  // the months are a series joined to the assignments that overlap them.
  const rows = rowsOf<{
    person_id: string;
    person_name: string | null;
    month: string;
    projects: number;
    procurements: number;
    points: number;
  }>(
    await db.execute(sql`
      with months as (
        select to_char(m, 'YYYY-MM') as month, m::date as starts, (m + interval '1 month' - interval '1 day')::date as ends
        from generate_series(${first}::date, ${last}::date, interval '1 month') m
      ),
      assignments as (
        select p.manager_id as person_id, 'project' as kind,
          case d.effort when 'small' then 1 when 'large' then 3 when 'veryLarge' then 4 else 2 end as points,
          p.starts_on as starts, p.ends_on as ends
        from portfolio_projects p
        left join portfolio_demands d on d.tenant_id = p.tenant_id and d.id = p.demand_id
        where p.tenant_id = ${actor.tenantId} and p.archived_at is null and p.manager_id is not null
          and p.phase <> 'handedOver' ${unit('p')}
        union all
        select q.responsible_id, 'procurement', ${PROCUREMENT_POINTS},
          coalesce(q.planned_start_on, q.advertised_on), coalesce(q.contract_starts_on, q.awarded_on)
        from portfolio_procurements q
        where q.tenant_id = ${actor.tenantId} and q.archived_at is null and q.responsible_id is not null
          and q.status not in ('cancelled', 'contracted') ${unit('q')}
      )
      select a.person_id, ${personName('pe')} as person_name, mo.month,
        count(*) filter (where a.kind = 'project')::int as projects,
        count(*) filter (where a.kind = 'procurement')::int as procurements,
        sum(a.points)::int as points
      from assignments a
      join months mo on (a.starts is null or a.starts <= mo.ends) and (a.ends is null or a.ends >= mo.starts)
      left join people pe on pe.tenant_id = ${actor.tenantId} and pe.id = a.person_id
      group by a.person_id, pe.given_name, pe.family_name, mo.month
      order by a.person_id, mo.month`),
  );
  const byPerson = new Map<string, { name: string; months: Map<string, (typeof rows)[number]> }>();
  for (const r of rows) {
    const entry = byPerson.get(r.person_id) ?? { name: r.person_name ?? '', months: new Map() };
    entry.months.set(r.month, r);
    byPerson.set(r.person_id, entry);
  }
  // Whose capacity is what: the query's for everyone (a what-if), else each person's own from the
  // settings, else the settings' default.
  const settings = (await portfolioSettingsOf(db, actor.tenantId)).capacity;
  const everyone = query.capacity ?? settings.default;
  const own = new Map(query.capacity ? [] : settings.people.map((p) => [p.personId, p.points]));
  const people = [...byPerson].map(([id, entry]) => {
    const capacity = own.get(id) ?? everyone;
    const roles = new Set<KeyRole>();
    const perMonth = months.map((month) => {
      const r = entry.months.get(month);
      const projects = Number(r?.projects ?? 0);
      const procurements = Number(r?.procurements ?? 0);
      if (projects) roles.add('projectManager');
      if (procurements) roles.add('procurementResponsible');
      const points = Number(r?.points ?? 0);
      return { month, projects, procurements, points, overloaded: points > capacity };
    });
    const peak = Math.max(0, ...perMonth.map((m) => m.points));
    return {
      person: { id, name: entry.name },
      capacity,
      roles: [...roles].sort(),
      months: perMonth,
      peak,
      overloaded: peak > capacity,
    };
  });
  // The most loaded first, then by name.
  people.sort((a, b) => b.peak - a.peak || a.person.name.localeCompare(b.person.name, 'sv'));
  return { months, capacity: everyone, people };
}

// ---------------------------------------------------------------- report for the IT-styrgrupp

export async function report(db: Database, actor: Actor, query: ReportQuery): Promise<PortfolioReport> {
  const tenantId = actor.tenantId;
  const today = todayInStockholm();
  const until = new Date(Date.parse(`${today}T12:00:00Z`) + query.soonDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const [backlog, projects, deviations, soon] = await Promise.all([
    db.execute(sql`
      select d.id, d.number, d.title, d.status, d.unit_id, u.name as unit_name, d.score,
        d.investment, d.yearly_savings
      from portfolio_demands d
      left join units u on u.tenant_id = d.tenant_id and u.id = d.unit_id
      where d.tenant_id = ${tenantId} and d.status in ('received', 'preparing', 'readyForDecision')
      order by d.score desc, d.id desc
      limit ${query.top}`),
    db.execute(sql`
      select p.id, p.name, p.phase, p.ends_on::text as ends_on, p.manager_id,
        ${personName('m')} as manager_name,
        latest.period_to, latest.time, latest.cost, latest.scope, latest.summary
      from portfolio_projects p
      left join people m on m.tenant_id = p.tenant_id and m.id = p.manager_id
      ${latestReport}
      where p.tenant_id = ${tenantId} and p.archived_at is null and p.phase <> 'handedOver'
      order by p.sort_name, p.id
      limit 200`),
    db.execute(sql`
      select v.id, v.title, v.needs_decision, v.meeting_id, v.created_at, p.id as project_id, p.name as project_name
      from portfolio_deviations v
      join portfolio_projects p on p.tenant_id = v.tenant_id and p.id = v.project_id
      where v.tenant_id = ${tenantId} and p.archived_at is null
        and (v.meeting_id is null or v.created_at >= now() - interval '90 days')
      order by v.created_at desc, v.id desc
      limit 50`),
    db.execute(sql`
      select q.id, q.title, q.procedure, q.status, q.planned_start_on::text as planned_start_on, q.estimated_value
      from portfolio_procurements q
      where q.tenant_id = ${tenantId} and q.archived_at is null and q.status in ('planned', 'preparing')
        and q.planned_start_on between ${today}::date and ${until}::date
      order by q.planned_start_on, q.id
      limit 100`),
  ]);
  type Row = Record<string, string | number | boolean | null>;
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    today,
    backlog: rowsOf<Row>(backlog).map((d) => ({
      id: String(d.id),
      number: String(d.number),
      title: String(d.title),
      status: d.status as PortfolioReport['backlog'][number]['status'],
      unit: ref(s(d.unit_id), s(d.unit_name)),
      score: Number(d.score) / 100,
      investment: n(d.investment),
      yearlySavings: n(d.yearly_savings),
    })),
    projects: rowsOf<Row>(projects).map((p) => ({
      id: String(p.id),
      name: String(p.name),
      phase: p.phase as PortfolioReport['projects'][number]['phase'],
      manager: ref(s(p.manager_id), s(p.manager_name)),
      endsOn: s(p.ends_on),
      latest: p.period_to
        ? {
            periodTo: String(p.period_to),
            time: p.time as 'green',
            cost: p.cost as 'green',
            scope: p.scope as 'green',
            summary: s(p.summary),
          }
        : null,
    })),
    deviations: rowsOf<Row & { created_at: Date | string }>(deviations).map((v) => ({
      id: String(v.id),
      project: { id: String(v.project_id), name: String(v.project_name) },
      title: String(v.title),
      needsDecision: v.needs_decision === true || v.needs_decision === 't',
      waiting: v.meeting_id === null,
      raisedOn: new Date(v.created_at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    })),
    procurementsSoon: rowsOf<Row>(soon).map((q) => ({
      id: String(q.id),
      title: String(q.title),
      procedure: q.procedure as PortfolioReport['procurementsSoon'][number]['procedure'],
      status: q.status as PortfolioReport['procurementsSoon'][number]['status'],
      plannedStartOn: String(q.planned_start_on),
      estimatedValue: n(q.estimated_value),
    })),
  };
}
