import { scopeHolders, unitAncestors } from '../../../platform/directory/service.ts';
import { defineNotification } from '../../../platform/notifications/kinds.ts';
import { notify } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import type { TicketRow } from './service.ts';
import { addWatchers } from './watchers.ts';

// Seed 000: an ändringsönskemål goes to the system's förvaltare (the routing) and on to the
// IT-kundansvarig of the requester's unit, who carries it to the unit's own planning. The
// kundansvarig is whoever holds `accountManager` for the ticket's unit or the nearest unit above
// it; they are told, and follow the ticket as a watcher (they read it and its public replies).

interface ChangeNotice {
  number: string;
  title: string;
}

export const changeRequestNotice = defineNotification<ChangeNotice>({
  kind: 'desk.change-request',
  label: { sv: 'Ändringsönskemål från din förvaltning', en: 'Change request from your department' },
  sv: (p) => `Nytt ändringsönskemål ${p.number}: ${p.title}`,
  en: (p) => `New change request ${p.number}: ${p.title}`,
  mail: { default: true },
});

/** The account managers of a unit: of the unit itself, else of the nearest unit above that has one. */
async function accountManagersOf(s: TenantScope, unitId: string): Promise<string[]> {
  const chain = [unitId, ...(await unitAncestors(s.tx, s.tenantId, unitId))];
  const holders = await scopeHolders(s.tx, s.tenantId, 'accountManager', 'unit', chain);
  for (const unit of chain) {
    const here = holders.filter((h) => h.scopeId === unit && !h.archived).map((h) => h.personId);
    if (here.length > 0) return [...new Set(here)];
  }
  return [];
}

/** Hands a new change request on to the unit's IT-kundansvarig, in the creating transaction. */
export async function handOnChangeRequest(s: TenantScope, ticket: TicketRow) {
  if (ticket.type !== 'change' || !ticket.unitId) return;
  const managers = await accountManagersOf(s, ticket.unitId);
  if (managers.length === 0) return;
  await addWatchers(
    s,
    ticket.id,
    managers.map((personId) => ({ personId, fromTicketId: null })),
    'accountManager',
  );
  await notify(s, {
    personIds: managers,
    kind: changeRequestNotice,
    params: { number: ticket.number, title: ticket.title },
    record: { kind: 'ticket', id: ticket.id, href: `/desk/tickets/${ticket.id}` },
  });
}
