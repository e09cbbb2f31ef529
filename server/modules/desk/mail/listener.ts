import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ListenerDefinition } from '../../../platform/seam.ts';
import { receiveMail, resumeReading, tenantsOf } from './service.ts';

// The SMTP listener of the desk's email channel (MAIL_INBOUND_PORT): it takes mail for the
// tenants' desk addresses and refuses every other recipient at RCPT TO (550), so it relays nothing
// and accepts no mail nobody will read. A mail is answered "250 OK" only once it is stored
// (receiveMail commits first); when the database cannot store it the answer is 451 and the sending
// server tries again later, as SMTP servers do. It speaks plain SMTP without authentication: it is
// meant to receive from the organisation's own mail gateway (MX), which forwards the desk's
// addresses to it on the internal network.

function smtpError(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The message's bytes; past `max` the rest is read and dropped (the answer is then 552). */
async function readAll(stream: SMTPServerDataStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total <= max) chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const inboundListener: ListenerDefinition = {
  name: 'Inbound mail (SMTP)',
  async start({ db, config, log }) {
    const settings = config.inboundMail;
    if (!settings) return undefined;
    // Recipients accepted in each SMTP session, with their tenant.
    const accepted = new Map<string, { tenantId: string; address: string }[]>();
    const server = new SMTPServer({
      name: new URL(config.publicUrl).hostname,
      banner: 'Styrbord',
      size: settings.maxBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      // A stopping server waits this long for sessions in progress (main.ts gives up after 15 s).
      closeTimeout: 5000,
      onMailFrom(_address, session, callback) {
        accepted.delete(session.id);
        callback();
      },
      onRcptTo(address, session, callback) {
        const wanted = address.address.trim().toLowerCase();
        tenantsOf(db, [wanted]).then(
          (found) => {
            const tenantId = found.get(wanted);
            if (!tenantId) return callback(smtpError(550, '5.1.1 No such mailbox here'));
            accepted.set(session.id, [...(accepted.get(session.id) ?? []), { tenantId, address: wanted }]);
            callback();
          },
          (error: Error) => {
            log.error({ err: error }, 'inbound mail: recipient lookup failed');
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          },
        );
      },
      onData(stream, session: SMTPServerSession, callback) {
        readAll(stream, settings.maxBytes)
          .then(async (raw) => {
            if (stream.sizeExceeded) throw smtpError(552, '5.3.4 Message too big');
            const recipients = accepted.get(session.id) ?? [];
            accepted.delete(session.id);
            if (recipients.length === 0) throw smtpError(554, '5.5.1 No valid recipients');
            const from = session.envelope.mailFrom;
            await receiveMail(db, {
              raw,
              envelopeFrom: from ? from.address.trim().toLowerCase() : '',
              recipients,
              remoteAddress: session.remoteAddress,
              fileMaxBytes: config.fileMaxBytes,
            });
          })
          .then(
            () => callback(),
            (error: Error & { responseCode?: number }) => {
              if (error.responseCode) return callback(error);
              log.error({ err: error }, 'inbound mail: could not store a message');
              callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
            },
          );
      },
      onClose(session) {
        accepted.delete(session.id);
      },
    });
    server.on('error', (error) => log.warn({ err: error }, 'inbound mail: connection error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    const bound = server.server.address() as AddressInfo;
    // What a killed predecessor stored but had not read yet is read now, not when its jobs time out.
    const resumed = await resumeReading(db, config.fileMaxBytes);
    if (resumed > 0) log.info({ resumed }, 'inbound mail: reading what was stored before the restart');
    return {
      address: `${bound.address}:${bound.port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
};
