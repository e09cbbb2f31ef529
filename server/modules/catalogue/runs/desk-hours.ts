import { type SQL, sql } from 'drizzle-orm';
import { periodBounds } from '../../../../shared/catalogue/runs.ts';
import { billingDays, type ComputeParams, priced, rateCards } from './compute.ts';

// Billable desk hours in the month's run (source `deskHours`, issue 16 point 4): the time agents
// logged as billable on tickets (desk_time_entries, written only by the desk's time service and
// read here as the compute reads the other parts' tables), one `insert … select` for the month.
//
// - Which time: active billable entries worked in the month on a ticket with a unit, on a day that
//   unit is in billing mode (billingDays: the same rule as every other source; a day under quality
//   steering gives nothing).
// - One line per (unit, perHour offering): quantity the hours, summed in minutes and rounded to
//   2 decimals; amount round(hours × internal price) from the rate card in effect (rateCards), half
//   up to whole öre, so that the line's quantity × price is its amount. An offering without an
//   internal price (cost-covering) gives no line.
// - Kontering: the unit's own cost centre, as for rentals (time carries no kontering of its own).
// - Description: the offering's name and the tickets' numbers, or "N ärenden" when more than three.

/** How many ticket numbers a line names before it counts them instead. */
const NAMED_TICKETS = 3;

/** Inserts the month's desk-hour lines into `into` (the computation's table: the columns of insertComputedLines). */
export function insertDeskHourLines(p: ComputeParams): SQL {
  const { start, end } = periodBounds(p.period);
  return sql`
    with ${billingDays({ tenantId: p.tenantId, start, end })},
    ${rateCards({ tenantId: p.tenantId, start })},
    hours as (
      select t.unit_id, e.offering_id,
        round(sum(e.minutes)::numeric / 60, 2) as hours,
        count(distinct t.id)::int as tickets,
        string_agg(distinct t.number, ', ' order by t.number) as numbers
      from desk_time_entries e
      join desk_tickets t on t.tenant_id = e.tenant_id and t.id = e.ticket_id
      join billing b on b.unit_id = t.unit_id and e.worked_on between b.from_on and b.to_on
      where e.tenant_id = ${p.tenantId}::uuid and e.billable and e.archived_at is null
        and e.worked_on between ${start}::date and ${end}::date
      group by t.unit_id, e.offering_id
    )
    insert into ${p.into} (
      run_id, unit_id, offering_id, subscription_id, order_id, source, description,
      quantity, unit_price, amount, cost_centre, account, activity, counterpart,
      billed_days, days_in_month
    )
    select ${p.runId}::uuid, h.unit_id, h.offering_id,
      null, null, 'deskHours',
      f.name || ' – ' || case when h.tickets <= ${NAMED_TICKETS}::int then h.numbers
        else h.tickets || ' ärenden' end,
      h.hours, pr.price, round(h.hours * pr.price)::bigint,
      u.cost_centre, null, null, null,
      null, null
    from hours h
    join catalogue_offerings f on f.tenant_id = ${p.tenantId}::uuid and f.id = h.offering_id
      and f.price_model = 'perHour'
    join cards c on c.offering_id = h.offering_id ${priced('h.unit_id')}
    join units u on u.tenant_id = ${p.tenantId}::uuid and u.id = h.unit_id
    where h.hours > 0`;
}
