// The limit of the email bench (bench/desk-email.ts): an SMTP server that accepts every mail and
// keeps nothing, in a process of its own as the desk's listener is, so that the client sees the
// cost of SMTP itself on this machine. Prints its port on stdout.

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => callback());
  },
});
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${(server.server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
