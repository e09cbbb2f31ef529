import { eq } from 'drizzle-orm';
import { TICKET_ATTACHMENTS, TICKET_INTERNAL_ATTACHMENTS } from '../../../../shared/desk/links.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { AttachmentKind } from '../../../platform/files/kinds.ts';
import { readScope } from '../../../platform/tenancy.ts';
import { tickets } from './schema.ts';
import { asks, type TicketRow, worksOn } from './service.ts';
import { watches } from './watchers.ts';

// Files on tickets, through the platform's attachments (server/platform/files: stored in the
// database, type told from the bytes, FILE_MAX_BYTES). Two kinds on the same ticket id:
//   `ticket`           what the requester sees: their own files, the agents' files for them, and
//                      the attachments of mail to the desk. Read by whoever reads the ticket
//                      (requester, watchers, its agents); added by them while it is not closed.
//   `ticket-internal`  files of internal notes: read and added by the ticket's agents only.
// A ticket the reader may not read is no record to them (404), as on the ticket routes.

async function ticketOf(db: Database, actor: Actor, id: string): Promise<TicketRow | undefined> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(tickets)
    .where(s.where(tickets, eq(tickets.id, id)));
  return row;
}

async function reads(db: Database, actor: Actor, row: TicketRow): Promise<boolean> {
  return asks(actor, row) || worksOn(actor, row) || (await watches(db, actor, row.id));
}

export const ticketAttachmentKinds: AttachmentKind[] = [
  {
    kind: TICKET_ATTACHMENTS,
    async exists(db, actor, id) {
      const row = await ticketOf(db, actor, id);
      return row !== undefined && (await reads(db, actor, row));
    },
    canRead: () => true,
    async canAttach(db, actor, id) {
      const row = await ticketOf(db, actor, id);
      return row !== undefined && row.status !== 'closed' && (await reads(db, actor, row));
    },
  },
  {
    kind: TICKET_INTERNAL_ATTACHMENTS,
    async exists(db, actor, id) {
      const row = await ticketOf(db, actor, id);
      return row !== undefined && (await reads(db, actor, row));
    },
    async canRead(db, actor, id) {
      const row = await ticketOf(db, actor, id);
      return row !== undefined && worksOn(actor, row);
    },
    async canAttach(db, actor, id) {
      const row = await ticketOf(db, actor, id);
      return row !== undefined && worksOn(actor, row);
    },
  },
];
