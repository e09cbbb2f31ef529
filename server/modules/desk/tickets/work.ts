import type { Database } from '../../../db/client.ts';
import type { ModulePart } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { ticketAttachmentKinds } from './attachments.ts';
import { createLink } from './links.ts';
import * as tickets from './service.ts';
import { ticketWorkRoutes } from './work-routes.ts';

// Working tickets together, on the seam beside the tickets part (after it: its walk seed and demo
// see the tickets that part made): links, merge, major incidents, bulk changes and queue counts,
// the attachment kinds of tickets (`ticket`, `ticket-internal`), and the demo's linked records.

/**
 * The demo's linked records: the Outlook incident caused by a known error with its workaround, and
 * the network outage at Västra skolan as a major incident with the school's other reports linked.
 */
async function loadWorkDemo(db: Database, tenant: DemoContext) {
  if (tenant.slug !== 'styrby') return;
  const { actor } = tenant;
  const person = (who: string) => tenant.personId(`${who}@styrby.example`);
  const find = async (title: string) =>
    (
      await tickets.listTickets(db, actor, {
        view: 'work',
        search: title,
        limit: 10,
        sort: 'updatedAt',
        order: 'desc',
        unassigned: false,
      })
    ).items.find((t) => t.title === title);
  const outlook = await find('Outlook startar inte efter uppdateringen');
  if (outlook) {
    const made = await tickets.createTicket(db, actor, {
      type: 'problem',
      title: 'Outlook fastnar på "Läser in profil" efter månadens uppdatering',
      description: 'Flera användare sedan uppdateringen i tisdags, alla med profiler äldre än 2022.',
      requesterId: person('linnea.soderberg'),
      impact: 2,
      urgency: 2,
      channel: 'agent',
    });
    const problem = await tickets.updateTicket(db, actor, made.id, {
      version: made.version,
      rootCause: 'Uppdateringen byter format på profilens cachefil; äldre profiler läses inte in.',
      workaround: 'Starta Outlook i felsäkert läge (outlook.exe /safe) och skapa en ny profil.',
      knownError: true,
    });
    await createLink(db, actor, outlook.id, { relation: 'causedBy', ticketId: problem.id });
  }
  const outage = await find('Nätverket på Västra skolan är nere');
  if (outage) {
    await tickets.updateTicket(db, actor, outage.id, { version: outage.version, major: true });
    for (const [who, title] of [
      ['zeynep.yilmaz', 'Kommer inte åt lärplattformen från klassrummet'],
      ['peter.hansson', 'Skrivarna på Västra skolan svarar inte'],
    ] as const) {
      const child = await tickets.createTicket(db, actor, {
        title,
        description: 'Sedan i morse, i hela huset.',
        requesterId: person(who),
        impact: 2,
        urgency: 1,
        channel: 'phone',
      });
      await createLink(db, actor, outage.id, { relation: 'parentOf', ticketId: child.id });
    }
  }
}

export const ticketWorkPart: ModulePart = {
  name: 'ticket-work',
  routes: ticketWorkRoutes,
  attachmentKinds: ticketAttachmentKinds,
  demo: loadWorkDemo,
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
