import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { ticketHooks } from '../tickets/service.ts';
import { composeMail } from './compose.ts';
import { loadMailDemo } from './demo.ts';
import { inboundListener } from './listener.ts';
import { confirmTicket, mailReply, ticketConfirmation, ticketReply } from './notify.ts';
import { mailRoutes } from './routes.ts';
import {
  inboundRefs,
  readMail,
  readMailJob,
  receiveMail,
  settingsRefs,
  sweepMail,
  updateMailSettings,
} from './service.ts';

// The desk's email channel on the seam: the SMTP listener (MAIL_INBOUND_PORT), the jobs that read
// what it received, the mail the requester gets (and the hooks on tickets that send it), a
// ticket's files as an attachment kind, the inbox's routes, the audit trail's names, the demo's
// addresses and inbox, and the walks' records.

ticketHooks.created.push(confirmTicket);
ticketHooks.message.push(mailReply);

export const mailPart: ModulePart = {
  name: 'mail',
  routes: mailRoutes,
  jobs: [readMailJob, sweepMail],
  mailKinds: [ticketConfirmation, ticketReply],
  listeners: [inboundListener],
  demo: loadMailDemo,
  auditEntities: [
    { entity: 'inboundMail', describe: inboundRefs, canReadHistory: (actor) => deskPolicy.allGroups(actor) },
    { entity: 'mailSettings', describe: settingsRefs, canReadHistory: (actor) => deskPolicy.agent(actor) },
  ],
  walk: {
    async seed(db, tenant) {
      const address = `servicedesk@walk-${tenant.id.slice(0, 8)}.example`;
      await updateMailSettings(db, tenant.actor, { version: 1, addresses: [address] });
      const raw = await composeMail({
        from: 'Okänd Avsändare <okand@hemlig-avsandare.example>',
        to: address,
        subject: 'Hemligt mejl om lönerna',
        text: 'Hemlig text i mejlet',
      });
      const [id] = await receiveMail(db, {
        raw,
        envelopeFrom: 'okand@hemlig-avsandare.example',
        recipients: [{ tenantId: tenant.id, address }],
      });
      await readMail(db, { tenantId: tenant.id, id: id! });
      return {
        ids: { 'inbound-mail': id! },
        secrets: [
          id!,
          'Hemligt mejl om lönerna',
          'Hemlig text i mejlet',
          'okand@hemlig-avsandare.example',
          address,
        ],
      };
    },
    bodies: {
      'PATCH /api/v1/desk/mail-settings': () => ({ version: 2, senderLimitPerHour: 25 }),
      'POST /api/v1/desk/inbound-mail/{id}/ticket': (ids) => ({ version: 2, requesterId: ids.people }),
      'POST /api/v1/desk/inbound-mail/{id}/discard': () => ({ version: 2, reason: 'Skräppost' }),
    },
  },
};
