import { createTransport, type SendMailOptions } from 'nodemailer';

// A mail as another mail server would send it, composed by nodemailer: the demo's received mail
// and the walks' are real messages, read by the same job as those the listener takes.

const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function composeMail(options: SendMailOptions): Promise<Buffer> {
  const info = await composer.sendMail(options);
  return info.message as Buffer;
}
