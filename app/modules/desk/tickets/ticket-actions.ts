import type { ComponentType } from 'react';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { useContributions } from '../../../platform/seam.ts';

// The point the desk opens on a ticket's page (ClientModule.contributes): another module offers
// what it does with a ticket, as a component in the page's actions given the ticket. The portfolio
// promotes a change request into a demand, or links to the demand it became. The component decides
// for itself whether it shows (the ticket's type, the reader's roles) and renders nothing otherwise;
// it stays small, as it is in the main chunk: a dialog of its own is loaded when it opens.

export const TICKET_ACTIONS = 'desk.ticketActions';

export type TicketAction = ComponentType<{ ticket: Ticket }>;

/** The components the modules contribute to a ticket's page, in the order of app/modules.ts. */
export function useTicketActions(): readonly TicketAction[] {
  return useContributions<TicketAction>(TICKET_ACTIONS);
}
