import type { TicketCategory, TicketStatus, TicketType } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { addMessage, createTicket, updateTicket } from './service.ts';

// A working day's open tickets at Styrby, through the service (routed by the demo's rules, numbered,
// audited): the console and the portal have something real to show. The two years of history the
// reports need arrive with the ticket import (issue 13 point 8).

interface DemoTicket {
  who: string;
  title: string;
  description: string;
  type?: TicketType;
  category?: TicketCategory;
  impact?: 1 | 2 | 3;
  urgency?: 1 | 2 | 3;
  /** The agent who takes it, and how far it has come. */
  agent?: string;
  status?: TicketStatus;
  reply?: string;
}

const demoTickets: DemoTicket[] = [
  {
    who: 'medarbetare',
    title: 'Skrivaren på plan 3 skriver ut tomma sidor',
    description: 'Gäller HP-skrivaren vid köket.',
  },
  {
    who: 'ida.norberg',
    title: 'Kan inte logga in i Heroma',
    description: 'Får felmeddelandet "konto spärrat" sedan i morse.',
    urgency: 2,
    agent: 'oskar.wikstrom',
    status: 'inProgress',
    reply: 'Vi har låst upp kontot, prova igen om fem minuter.',
  },
  {
    who: 'omid.mohammadi',
    title: 'Outlook startar inte efter uppdateringen',
    description: 'Fastnar på "Läser in profil".',
    impact: 3,
    urgency: 2,
    agent: 'linnea.soderberg',
    status: 'waitingRequester',
    reply: 'Kan du starta om datorn och berätta om felet finns kvar?',
  },
  {
    who: 'malin.sundstrom',
    title: 'Behörighet till leverantörsreskontran i Ekonomisystem',
    description: 'Ny roll från 1 december.',
    category: 'account',
  },
  {
    who: 'mats.lindstrom',
    title: 'Nätverket på Västra skolan är nere',
    description: 'Ingen i huset kommer ut på nätet.',
    impact: 1,
    urgency: 1,
    agent: 'erik.dahlgren',
    status: 'inProgress',
  },
  {
    who: 'medarbetare',
    title: 'Beställ ny skärm',
    description: '24 tum, till min arbetsplats i stadshuset.',
    type: 'request',
    category: 'order',
  },
  {
    who: 'peter.hansson',
    title: 'Önskar fält för projektkod på fakturaattesten',
    description: 'Skulle spara mycket tid vid bokslut.',
    type: 'change',
    category: 'function',
  },
  {
    who: 'karolina.bengtsson',
    title: 'Installera Adobe Reader',
    description: 'Behövs för blanketter från Försäkringskassan.',
    category: 'client',
    agent: 'magnus.berglund',
    status: 'solved',
    reply: 'Installerat, starta om datorn.',
  },
];

export async function loadTicketsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (who: string) =>
    tenant.personId(who === 'medarbetare' ? 'medarbetare@styrbord.example' : `${who}@styrby.example`);
  for (const d of demoTickets) {
    let row = await createTicket(db, tenant.actor, {
      type: d.type ?? 'incident',
      title: d.title,
      description: d.description,
      requesterId: person(d.who),
      category: d.category ?? null,
      impact: d.impact ?? 3,
      urgency: d.urgency ?? 3,
      channel: 'portal',
    });
    if (!d.agent) continue;
    row = await updateTicket(db, tenant.actor, row.id, { version: row.version, assigneeId: person(d.agent) });
    if (d.reply) await addMessage(db, tenant.actor, row.id, { body: d.reply });
    if (d.status && d.status !== row.status)
      await updateTicket(db, tenant.actor, row.id, {
        version: row.version + (d.reply ? 1 : 0),
        status: d.status,
      });
  }
  // One of Heroma's questions is with CGI's support now: the underpinning contract's clock runs
  // (desk/suppliers), shown on the ticket's page and in the report as with the supplier.
  const cgi = made.get('group:CGI support (Heroma)');
  if (cgi) {
    const row = await createTicket(db, tenant.actor, {
      type: 'incident',
      title: 'Heroma räknar med fel skattetabell',
      description: 'Lönebeskedet för december visar tabell 30 i stället för 32 för flera anställda.',
      requesterId: person('karolina.bengtsson'),
      category: 'function',
      impact: 2,
      urgency: 2,
      channel: 'portal',
    });
    await updateTicket(db, tenant.actor, row.id, { version: row.version, groupId: cgi });
  }
}
