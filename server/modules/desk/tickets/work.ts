import type { ModulePart } from '../../../platform/module-parts.ts';
import { ticketAttachmentKinds } from './attachments.ts';
import { createLink } from './links.ts';
import * as tickets from './service.ts';
import { ticketWorkRoutes } from './work-routes.ts';

// Working tickets together, on the seam beside the tickets part (after it: its walk seed sees the
// ticket that part made): links, merge, major incidents, bulk changes and queue counts, and the
// attachment kinds of tickets (`ticket`, `ticket-internal`).

export const ticketWorkPart: ModulePart = {
  name: 'ticket-work',
  routes: ticketWorkRoutes,
  attachmentKinds: ticketAttachmentKinds,
  walk: {
    async seed(db, tenant, _seam, made) {
      const problem = await tickets.createTicket(db, tenant.actor, {
        type: 'problem',
        title: 'Hemligt problem',
        description: 'Hemlig grundorsak',
        requesterId: tenant.adminId,
        groupId: made.groups ?? null,
      });
      const link = await createLink(db, tenant.actor, made.tickets!, {
        relation: 'relatedTo',
        ticketId: problem.id,
      });
      return {
        ids: { 'tickets-other': problem.id },
        secrets: [problem.id, 'Hemligt problem', 'Hemlig grundorsak', link.id],
        params: { linkId: link.id },
      };
    },
    bodies: {
      'POST /api/v1/tickets/{id}/links': (ids) => ({ relation: 'causedBy', ticketId: ids['tickets-other'] }),
      'POST /api/v1/tickets/{id}/merge': (ids) => ({
        intoId: ids['tickets-other'],
        version: 1,
        intoVersion: 1,
      }),
      'POST /api/v1/tickets/{id}/major/messages': () => ({
        body: 'Driftstörning i e-posten; vi arbetar på det.',
      }),
      'POST /api/v1/tickets/{id}/major/solve': () => ({ version: 1, solution: 'Åtgärdat av leverantören.' }),
      'POST /api/v1/tickets/bulk': (ids) => ({
        tickets: [{ id: ids.tickets, version: 1 }],
        change: { status: 'inProgress' },
      }),
    },
  },
};
