import type { AttachmentKind } from '../../../platform/files/kinds.ts';
import { getTicket } from '../tickets/service.ts';
import { TICKET_FILES } from './service.ts';

// A ticket's files (the platform's attachments): those a received mail brought, and those added
// on the ticket. Whoever may read the ticket (its requester and its agents) reads and adds them; to
// anyone else the ticket does not exist (404), as everywhere in the desk. (Named `desk-ticket`:
// kinds are a-z, 0-9 and dashes.)

async function mayRead(...[db, actor, id]: Parameters<AttachmentKind['exists']>): Promise<boolean> {
  try {
    await getTicket(db, actor, id);
    return true;
  } catch {
    return false;
  }
}

export const ticketAttachments: AttachmentKind = {
  kind: TICKET_FILES,
  exists: mayRead,
  canRead: () => true,
  canAttach: () => true,
};
