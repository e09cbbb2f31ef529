import { type SQL, sql } from 'drizzle-orm';
import { periodBounds } from '../../../../shared/catalogue/runs.ts';
import { billingDays, type ComputeParams } from '../runs/compute.ts';

// The run's allocation lines (source `allocation`): one `insert … select` for every active
// allocation of the tenant, run by the runs service right after its computed lines, inside its
// transaction, into the same temporary table (runs/compute.ts computedLines) that is then synced into the run. The rules,
// mirrored in JS by shared/catalogue/allocations.ts splitPool and held equal by
// allocations.test.ts:
//
// - The units: every unarchived unit (for a chosen spread, the chosen) shares the cost by its
//   weight, but only those in billing mode on the month's last day get a line (the runs'
//   billingDays CTE, so that who is billed when is one rule). The share of a unit under quality
//   steering stays with the IT unit: a förvaltning billed first does not carry the whole kommun's
//   infrastructure.
// - The weight per unit, on the month's last day: `users` its active, unarchived people;
//   `computers` the unarchived assets of kind computer assigned to it that day; `fixed` its
//   share (none: 0). A unit of weight 0 gets no line.
// - The split: floor(amount × weight / total), the öre left over one each to the largest
//   remainders, ties by unit id, so that an allocation's lines sum exactly to its amount.
// - The line: quantity 1 at the unit's share, on the allocation's offering and account, the
//   unit's own cost centre (as rentals), described by the allocation's name and the unit's part
//   of the key ("12 av 340 användare").

const keyWords = sql`case a.key when 'users' then 'användare' when 'computers' then 'datorer' else 'andelar' end`;

/** Inserts the month's allocation lines into `p.into` (the run's computedLines). */
export function insertAllocationLines(p: ComputeParams): SQL {
  const { start, end } = periodBounds(p.period);
  const t = sql`${p.tenantId}::uuid`;
  return sql`
    with ${billingDays({ tenantId: p.tenantId, start, end })},
    alloc as (
      select id, name, amount, offering_id, account, key, spread
      from catalogue_allocations
      where tenant_id = ${t} and archived_at is null
    ),
    users as (
      select unit_id, count(*)::bigint as n
      from people
      where tenant_id = ${t} and unit_id is not null and active and archived_at is null
      group by unit_id
    ),
    computers as (
      select g.unit_id, count(*)::bigint as n
      from catalogue_asset_assignments g
      join catalogue_assets s on s.tenant_id = g.tenant_id and s.id = g.asset_id
        and s.kind = 'computer' and s.archived_at is null
      where g.tenant_id = ${t} and g.from_on <= ${end}::date
        and (g.to_on is null or g.to_on >= ${end}::date)
      group by g.unit_id
    ),
    weighted as (
      select a.id as allocation_id, u.id as unit_id, u.cost_centre,
        case a.key
          when 'users' then coalesce(us.n, 0)
          when 'computers' then coalesce(co.n, 0)
          else coalesce(sh.weight, 0)::bigint
        end as weight
        , exists (select 1 from billing b
            where b.unit_id = u.id and ${end}::date between b.from_on and b.to_on) as billed
      from alloc a
      join units u on u.tenant_id = ${t} and u.archived_at is null
      left join users us on us.unit_id = u.id
      left join computers co on co.unit_id = u.id
      left join catalogue_allocation_shares sh
        on sh.tenant_id = ${t} and sh.allocation_id = a.id and sh.unit_id = u.id
      where a.spread = 'all' or exists (
        select 1 from catalogue_allocation_units c
        where c.tenant_id = ${t} and c.allocation_id = a.id and c.unit_id = u.id)
    ),
    parts as (
      select w.allocation_id, w.unit_id, w.cost_centre, w.weight, w.total, w.billed,
        (a.amount * w.weight) / w.total as base,
        (a.amount * w.weight) % w.total as rest
      from (
        select weighted.*, (sum(weight) over (partition by allocation_id))::bigint as total
        from weighted where weight > 0
      ) w
      join alloc a on a.id = w.allocation_id
    ),
    ranked as (
      select parts.*,
        row_number() over (partition by allocation_id order by rest desc, unit_id) as place,
        (sum(base) over (partition by allocation_id))::bigint as based
      from parts
    )
    insert into ${p.into} (
      run_id, unit_id, offering_id, subscription_id, order_id, source, description,
      quantity, unit_price, amount, cost_centre, account, activity, counterpart,
      billed_days, days_in_month
    )
    select ${p.runId}::uuid, r.unit_id, a.offering_id,
      null, null, 'allocation',
      a.name || ' – ' || r.weight || ' av ' || r.total || ' ' || ${keyWords},
      1, x.amount, x.amount,
      r.cost_centre, a.account, null, null,
      null, null
    from ranked r
    join alloc a on a.id = r.allocation_id
    cross join lateral (
      select (r.base + case when r.place <= a.amount - r.based then 1 else 0 end)::bigint as amount
    ) x
    where r.billed`;
}
