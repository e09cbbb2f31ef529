import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { composeMail } from './compose.ts';
import { readMail, receiveMail, updateMailSettings } from './service.ts';

// The demo's email channel: each municipality's desk address, and in Styrby's inbox what a desk
// finds there on an ordinary morning: a question from someone outside the directory (held for an
// agent) and an out-of-office answer (ignored, never answered). Received and read by the same
// functions as mail from the listener.

const addresses: Record<string, string> = {
  styrby: 'servicedesk@styrby.se',
  grannby: 'servicedesk@grannby.se',
};

export async function loadMailDemo(db: Database, tenant: DemoContext, _made: Made) {
  const address = addresses[tenant.slug];
  if (!address) return;
  await updateMailSettings(db, tenant.actor, { version: 1, addresses: [address] });
  if (tenant.slug !== 'styrby') return;
  const mails = [
    {
      from: 'Sara Ek <sara.ek@vikariepoolen.example>',
      subject: 'Inloggning till Heroma för vikarier',
      text: 'Hej!\n\nJag är ny vikarie på Västra skolan och har inte fått något konto till Heroma. Vem kan hjälpa mig?\n\nHälsningar\nSara Ek',
    },
    {
      from: 'Peter Hansson <peter.hansson@styrby.example>',
      subject: 'Frånvaro: Önskar fält för projektkod',
      text: 'Jag är tillbaka måndag 12 januari. Vid brådskande ärenden, kontakta ekonomienheten.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    },
  ];
  for (const mail of mails) {
    const raw = await composeMail({ ...mail, to: address, date: new Date() });
    const [id] = await receiveMail(db, {
      raw,
      envelopeFrom: mail.from.replace(/^.*<|>$/g, ''),
      recipients: [{ tenantId: tenant.id, address }],
    });
    await readMail(db, { tenantId: tenant.id, id: id! });
  }
}
