import { and, eq, isNull } from 'drizzle-orm';
import { problems } from '../../../platform/errors.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { ticketHooks } from '../../desk/tickets/service.ts';
import { offerings } from '../offerings/schema.ts';

// A service the catalogue sells (one with an offering in use) is ordered on the catalogue's order
// form: kontering, the budget holder's attest, then the desk request that the catalogue makes as
// the desk's own. The portal's card already sends people there; this refuses the same request
// sent straight to POST /api/v1/tickets, which would be delivered and charged to nobody. Agents
// may still register one (a phone call about an order, a request with no cost).

export async function refuseBareOrder(
  s: TenantScope,
  ticket: { type: string; serviceId: string | null; byAgent: boolean },
) {
  if (ticket.byAgent || !ticket.serviceId) return;
  const [sold] = await s.tx
    .select({ id: offerings.id })
    .from(offerings)
    .where(s.where(offerings, and(eq(offerings.serviceId, ticket.serviceId), isNull(offerings.archivedAt))))
    .limit(1);
  if (sold) throw problems.field('body.serviceId', 'Order this service in the service catalogue');
}

ticketHooks.creating.push(refuseBareOrder);
