import { type SQL, sql } from 'drizzle-orm';
import {
  computedSources,
  daysInMonth,
  type Proration,
  periodBounds,
} from '../../../../shared/catalogue/runs.ts';

// The SQL that computes a run's lines: one `insert … select` for the whole month, so that a
// tenant of 30,000 subscriptions and 600 cost centres is one statement the database plans, not a
// loop over rows in JS (bench/catalogue.ts: the preview in under 5 s on PostgreSQL). Run by
// ./service.ts inside its transaction, after the run's row is locked:
//
//   1. createComputedLines: a temporary table of the month's lines, dropped at commit;
//   2. insertComputedLines (and every further source's statement) writes the lines into it;
//   3. copyComputedLines puts them in a run just created; in a run computed before,
//      syncComputedLines puts them in: it deletes the run's computed lines that no longer
//      match a computed row and inserts the computed rows that are new, so that a line unchanged
//      by a recomputation keeps its id (and the run's indexes and foreign-key checks are touched
//      only by what changed: rewriting all ~35,000 lines of a large kommun took 4–10 s).
//
// The rules, mirrored in JS by shared/catalogue/runs.ts (billedDays, subscriptionAmount) and held
// equal by runs.test.ts:
//
// - Billing mode: a unit's active switches, each from its date until the day before the next
//   (`lead(from_on)`), passed down to the units below that have no switch of their own yet
//   (billingDays); before any switch at or above it the unit is under quality steering. Only days
//   in `billing` mode are charged; quality-steering days give no line at all.
// - The price: the offering's latest active rate card starting on or before the month's first
//   day (cardInEffect in shared/catalogue/offerings.ts), its internal price, or for a partner
//   unit its external price without moms (`priced`; the internal where none is set). A card without an
//   internal price (cost-covering) gives no line here: its cost is distributed by allocation
//   keys (source `allocation`, ../allocations/compute.ts).
// - Subscriptions of monthly offerings (fixedMonthly, perUnitMonthly) active in the month: from
//   starts_on to ends_on (a cancelled one ends at its month's end, orders/service.ts), with the
//   days of the month in billing mode counted. Whole month: quantity × price when that count is
//   above 0. By day: round(quantity × price × billed days / days in month), half up.
//   perHour offerings are charged by desk hours (source `deskHours`, below), not by month.
// - One-offs: delivered orders of oneOff offerings with the delivery date in the month, the unit
//   in billing mode on that date: quantity × price.
// - Consumption (../consumption): the month's imported quantities of offerings priced per unit or
//   per hour, the unit in billing mode on the month's last day (a switch takes effect from a
//   month's first day, so a month is billed or not as a whole): round(quantity × price).
// - Rentals (../assets): each assignment of an unarchived asset overlapping the month, the days
//   the holding unit is in billing mode counted as for subscriptions, at the asset's offering's
//   price for one. The kontering is the unit's own cost centre; the account is the export's
//   (assets carry no kontering of their own). An asset moved between units mid-month is charged
//   to each for its days (by day) or to each in full (whole month), as subscriptions are.
// - Desk hours (./desk-hours.ts, a statement of its own after this one): billable time logged on
//   tickets (desk_time_entries, read here, written only by the desk) worked on a day the ticket's
//   unit is in billing mode, summed per unit and perHour offering: quantity in hours (2
//   decimals), round(hours × price). The kontering is the unit's own cost centre, as for rentals.

export interface ComputeParams {
  tenantId: string;
  runId: string;
  period: string;
  proration: Proration;
  /** The table the lines are written into: computedLines, in a computation. */
  into: SQL;
}

const sources = (list: readonly string[]) =>
  sql.join(
    list.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * The columns of a computed line: those of catalogue_run_lines but its key (tenant and id) and
 * what only a person writes (corrects_line_id, note, created_by_id) or the database stamps
 * (created_at). Two lines with all of them equal are the same line.
 */
const lineColumns = [
  'run_id',
  'unit_id',
  'offering_id',
  'subscription_id',
  'order_id',
  'source',
  'description',
  'quantity',
  'unit_price',
  'amount',
  'cost_centre',
  'account',
  'activity',
  'counterpart',
  'billed_days',
  'days_in_month',
] as const;
/** Of lineColumns, those never null: the hash join's keys. */
const notNullColumns = new Set([
  'run_id',
  'unit_id',
  'source',
  'description',
  'quantity',
  'unit_price',
  'amount',
]);

const columnList = (alias?: string) =>
  sql.raw(lineColumns.map((c) => (alias ? `${alias}.${c}` : c)).join(', '));

/** The temporary table the month's lines are computed into (see createComputedLines). */
export const computedLines = sql.raw('catalogue_computed_lines');

/**
 * Creates the temporary table of the computation's lines, with the types of catalogue_run_lines'
 * columns (so that a quantity is rounded to the same scale on both sides); dropped at commit.
 */
export function createComputedLines(): SQL {
  return sql`
    create temp table ${computedLines} on commit drop as
    select ${columnList()} from catalogue_run_lines with no data`;
}

/** Copies the computed lines into a run that has no line yet (its first computation). */
export function copyComputedLines(p: { tenantId: string }): SQL {
  return sql`
    insert into catalogue_run_lines (tenant_id, id, ${columnList()})
    select ${p.tenantId}::uuid, gen_random_uuid(), ${columnList()} from ${computedLines}`;
}

/**
 * Puts the computed lines (createComputedLines' table) into the run: deletes the run's computed
 * lines that no longer match a computed row and inserts the computed rows that are new, so that
 * an unchanged line keeps its id. Rows are matched on every column of lineColumns (nulls equal),
 * and rows alike in all of them one to one (numbered within their group), so that two identical
 * lines stay two. Corrections and credits are never touched.
 */
export function syncComputedLines(p: { tenantId: string; runId: string }): SQL {
  const partition = columnList();
  const match = sql.raw(
    lineColumns
      .map((c) => (notNullColumns.has(c) ? `o.${c} = n.${c}` : `o.${c} is not distinct from n.${c}`))
      .join(' and '),
  );
  return sql`
    with computed as (
      select ${columnList()},
        row_number() over (partition by ${partition}) as nth,
        row_number() over () as k
      from ${computedLines}
    ),
    existing as (
      select id, ${columnList()},
        row_number() over (partition by ${partition} order by id) as nth
      from catalogue_run_lines
      where tenant_id = ${p.tenantId}::uuid and run_id = ${p.runId}::uuid
        and source in (${sources(computedSources)})
    ),
    matched as (
      select o.id, n.k from existing o join computed n on o.nth = n.nth and ${match}
    ),
    gone as (
      delete from catalogue_run_lines l
      using existing o
      where l.tenant_id = ${p.tenantId}::uuid and l.id = o.id
        and not exists (select 1 from matched m where m.id = o.id)
    )
    insert into catalogue_run_lines (tenant_id, id, ${columnList()})
    select ${p.tenantId}::uuid, gen_random_uuid(), ${columnList('n')}
    from computed n
    where not exists (select 1 from matched m where m.k = n.k)`;
}

/**
 * The CTEs `switches`, `firsts`, `chain`, `reign` and `billing`: per unit, the date ranges within
 * [start, end] in billing mode, as `billing(unit_id, from_on, to_on)`. Every source that charges
 * only billing-mode days joins it; written once so that the rule of who is billed when is in one
 * place (mirrored in JS by inheritedModeOn in shared/catalogue/billing.ts).
 *
 * A switch passes down the unit tree: on a date, the nearest unit at or above with a switch on or
 * before that date decides (a förvaltning switched to billing bills its schools, until a school
 * has a switch of its own; adding a switch to a school never rewrites its past). So each unit
 * with switches of its own "reigns" over a unit below it from its first switch until the day
 * before a nearer one's first switch (`cap`), and the billing ranges are its own ranges cut there.
 */
export function billingDays(p: { tenantId: string; start: string; end: string }): SQL {
  const { start, end } = p;
  return sql`
    switches as (
      select unit_id, mode, from_on,
        lead(from_on) over (partition by unit_id order by from_on) as next_on
      from catalogue_billing_switches
      where tenant_id = ${p.tenantId}::uuid and archived_at is null
    ),
    firsts as (
      select unit_id, min(from_on) as first_on from switches group by unit_id
    ),
    chain as (
      with recursive up(unit_id, at_id, depth) as (
        select id, id, 0 from units where tenant_id = ${p.tenantId}::uuid
        union all
        select up.unit_id, u.parent_id, up.depth + 1
        from up join units u on u.tenant_id = ${p.tenantId}::uuid and u.id = up.at_id
        where u.parent_id is not null and up.depth < 50
      )
      select up.unit_id, up.at_id, up.depth, f.first_on
      from up join firsts f on f.unit_id = up.at_id
    ),
    reign as (
      select unit_id, at_id,
        min(first_on) over (partition by unit_id order by depth
          rows between unbounded preceding and 1 preceding) - 1 as cap
      from chain
    ),
    billing as (
      select r.unit_id, s.from_on,
        least(coalesce(s.next_on - 1, ${end}::date), coalesce(r.cap, ${end}::date)) as to_on
      from reign r
      join switches s on s.unit_id = r.at_id
      where s.mode = 'billing' and s.from_on <= ${end}::date
        and (s.next_on is null or s.next_on > ${start}::date)
        and (r.cap is null or (s.from_on <= r.cap and r.cap >= ${start}::date))
    )`;
}

/**
 * The CTEs `cards` and `buyers`: per offering, the prices of its rate card in effect in the month
 * (the latest active card starting on or before the month's first day, cardInEffect in
 * shared/catalogue/offerings.ts), as `cards(offering_id, internal_price, external_price)`; per
 * unit, whether it buys as a partner (`buyers(unit_id, partner)`). Every source that charges at
 * an offering's price joins both through `priced`, so that which card and which price is in one
 * place.
 */
export function rateCards(p: { tenantId: string; start: string }): SQL {
  return sql`
    cards as (
      select distinct on (offering_id) offering_id, internal_price, external_price
      from catalogue_rate_cards
      where tenant_id = ${p.tenantId}::uuid and archived_at is null and starts_on <= ${p.start}::date
      order by offering_id, starts_on desc
    ),
    buyers as (
      select id as unit_id, kind = 'partner' as partner from units where tenant_id = ${p.tenantId}::uuid
    )`;
}

/**
 * The price `pr.price` of card `c` for the unit in `unitColumn`: a partner (a unit of kind
 * partner: a company or another kommun the IT unit serves) pays the external price, without moms
 * (the moms goes on the invoice), or the internal one where the card sets none; the kommun's own
 * units pay the internal price. No price (a cost-covering card): no line.
 */
export function priced(unitColumn: string): SQL {
  return sql.raw(`join buyers y on y.unit_id = ${unitColumn}
    join lateral (select case when y.partner then coalesce(c.external_price, c.internal_price)
      else c.internal_price end as price) pr on pr.price is not null`);
}

/** Inserts every computed line of the month into `into` (lineColumns) in one statement. */
export function insertComputedLines(p: ComputeParams): SQL {
  const { start, end } = periodBounds(p.period);
  const dim = daysInMonth(p.period);
  const amount =
    p.proration === 'month'
      ? sql`(sub.quantity::bigint * pr.price)`
      : sql`round(sub.quantity::numeric * pr.price * sub.days / ${dim}::int)::bigint`;
  const rentAmount =
    p.proration === 'month' ? sql`pr.price` : sql`round(pr.price::numeric * rent.days / ${dim}::int)::bigint`;
  return sql`
    with ${billingDays({ tenantId: p.tenantId, start, end })},
    ${rateCards({ tenantId: p.tenantId, start })},
    sub as (
      select s.id, s.unit_id, s.offering_id, s.quantity,
        s.cost_centre, s.account, s.activity, s.counterpart,
        sum(greatest(0,
          least(${end}::date, coalesce(s.ends_on, ${end}::date), b.to_on)
          - greatest(${start}::date, s.starts_on, b.from_on) + 1))::int as days
      from catalogue_subscriptions s
      join billing b on b.unit_id = s.unit_id
      where s.tenant_id = ${p.tenantId}::uuid
        and s.starts_on <= ${end}::date and (s.ends_on is null or s.ends_on >= ${start}::date)
      group by s.id, s.unit_id, s.offering_id, s.quantity,
        s.cost_centre, s.account, s.activity, s.counterpart
    ),
    rent as (
      select a.id, a.serial, a.offering_id, g.unit_id,
        sum(greatest(0,
          least(${end}::date, coalesce(g.to_on, ${end}::date), b.to_on)
          - greatest(${start}::date, g.from_on, b.from_on) + 1))::int as days
      from catalogue_asset_assignments g
      join catalogue_assets a on a.tenant_id = g.tenant_id and a.id = g.asset_id and a.archived_at is null
      join billing b on b.unit_id = g.unit_id
      where g.tenant_id = ${p.tenantId}::uuid
        and g.from_on <= ${end}::date and (g.to_on is null or g.to_on >= ${start}::date)
      group by a.id, a.serial, a.offering_id, g.unit_id
    )
    insert into ${p.into} (
      run_id, unit_id, offering_id, subscription_id, order_id, source, description,
      quantity, unit_price, amount, cost_centre, account, activity, counterpart,
      billed_days, days_in_month
    )
    select ${p.runId}::uuid, sub.unit_id, sub.offering_id,
      sub.id, null, 'subscription', f.name,
      sub.quantity, pr.price, ${amount},
      sub.cost_centre, sub.account, sub.activity, sub.counterpart,
      sub.days, ${dim}::int
    from sub
    join catalogue_offerings f on f.tenant_id = ${p.tenantId}::uuid and f.id = sub.offering_id
      and f.price_model in ('fixedMonthly', 'perUnitMonthly')
    join cards c on c.offering_id = sub.offering_id ${priced('sub.unit_id')}
    where sub.days > 0
    union all
    select ${p.runId}::uuid, o.unit_id, o.offering_id,
      null, o.id, 'oneOff', f.name,
      o.quantity, pr.price, o.quantity::bigint * pr.price,
      o.cost_centre, o.account, o.activity, o.counterpart,
      null, null
    from catalogue_orders o
    join catalogue_offerings f on f.tenant_id = ${p.tenantId}::uuid and f.id = o.offering_id
      and f.price_model = 'oneOff'
    join cards c on c.offering_id = o.offering_id ${priced('o.unit_id')}
    join billing b on b.unit_id = o.unit_id and o.delivered_on between b.from_on and b.to_on
    where o.tenant_id = ${p.tenantId}::uuid and o.status = 'delivered'
      and o.delivered_on between ${start}::date and ${end}::date
    union all
    select ${p.runId}::uuid, m.unit_id, m.offering_id,
      null, null, 'consumption',
      case when m.reference = '' then f.name else f.name || ' – ' || m.reference end,
      m.quantity, pr.price, round(m.quantity * pr.price)::bigint,
      m.cost_centre, m.account, m.activity, m.counterpart,
      null, null
    from catalogue_consumption m
    join catalogue_offerings f on f.tenant_id = ${p.tenantId}::uuid and f.id = m.offering_id
      and f.price_model in ('perUnitMonthly', 'perHour')
    join cards c on c.offering_id = m.offering_id ${priced('m.unit_id')}
    join billing b on b.unit_id = m.unit_id and ${end}::date between b.from_on and b.to_on
    where m.tenant_id = ${p.tenantId}::uuid and m.period = ${p.period}
    union all
    select ${p.runId}::uuid, rent.unit_id, rent.offering_id,
      null, null, 'rental', f.name || ' – ' || rent.serial,
      1, pr.price, ${rentAmount},
      u.cost_centre, null, null, null,
      rent.days, ${dim}::int
    from rent
    join catalogue_offerings f on f.tenant_id = ${p.tenantId}::uuid and f.id = rent.offering_id
      and f.price_model in ('fixedMonthly', 'perUnitMonthly')
    join cards c on c.offering_id = rent.offering_id ${priced('rent.unit_id')}
    join units u on u.tenant_id = ${p.tenantId}::uuid and u.id = rent.unit_id
    where rent.days > 0`;
  // Further sources are statements written the same way, each inserting only its own source
  // into `into` (./desk-hours.ts, ../allocations/compute.ts); syncComputedLines then puts them
  // all in the run.
}

/** The run's total and line count from its lines, with the run's version moved on. */
export function refreshTotals(p: { tenantId: string; runId: string }): SQL {
  return sql`
    update catalogue_runs r set
      total = coalesce(t.total, 0), line_count = coalesce(t.n, 0),
      version = r.version + 1, updated_at = now()
    from (select sum(amount)::bigint as total, count(*)::int as n from catalogue_run_lines
          where tenant_id = ${p.tenantId}::uuid and run_id = ${p.runId}::uuid) t
    where r.tenant_id = ${p.tenantId}::uuid and r.id = ${p.runId}::uuid`;
}
