import PDFDocument from 'pdfkit';
import type { MeetingView } from './service.ts';

// The minutes (protokoll) of a meeting as a PDF, made on the server with pdfkit: no browser at
// run time. Helvetica, pdfkit's built-in font, is written in WinAnsi, which holds å, ä, ö, é and
// §, so Swedish text needs no embedded font. The protokoll is a Swedish public document: its
// words are Swedish whatever the reader's language.

const ZONE = 'Europe/Stockholm';
const day = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' });

export function minutesPdf(m: MeetingView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Protokoll ${m.forumName} ${day.format(m.startsAt)}`, Producer: 'Styrbord' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const name = (id: string | null) => (id ? (m.names.get(id) ?? '') : '–');
  const heading = (text: string, size = 13) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10.5);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(`Protokoll ${m.forumName}`);
  doc.font('Helvetica').fontSize(10.5);
  doc.text(
    `Sammanträde ${day.format(m.startsAt)} kl. ${clock.format(m.startsAt)}–${clock.format(m.endsAt)}${m.place ? `, ${m.place}` : ''}`,
  );
  doc.text(
    `Ordförande: ${name(m.chairId)}   Sekreterare: ${name(m.secretaryId)}   Justerare: ${name(m.adjusterId)}`,
  );

  heading('Närvaro');
  const present = m.attendance
    .filter((a) => a.status === 'present' || a.status === 'deputyAttending')
    .map((a) =>
      a.status === 'deputyAttending' && a.deputyId
        ? `${name(a.deputyId)} (ersättare för ${name(a.personId)})`
        : name(a.personId),
    );
  const absent = m.attendance.filter((a) => a.status === 'absent').map((a) => name(a.personId));
  doc.text(`Närvarande: ${present.join(', ') || '–'}`);
  doc.text(`Frånvarande: ${absent.join(', ') || '–'}`);

  for (const item of m.items) {
    heading(`Punkt ${item.position}. ${item.title}`);
    if (item.ref) doc.fillColor('#333').text(`Ärende: ${item.ref.name}`).fillColor('#000');
    if (item.minutes) doc.text(item.minutes);
    for (const d of item.decisions) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .text(
          `§ ${d.paragraph}${d.title ? ` ${d.title}` : ''}${d.registrationNumber ? ` (${d.registrationNumber})` : ''}`,
        );
      doc.font('Helvetica').text(d.text);
    }
    for (const c of item.corrections) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Oblique')
        .text(`Rättelse ${stamp.format(c.createdAt)} av ${c.createdByName}:`);
      doc.font('Helvetica').text(c.minutes ?? '');
    }
  }

  heading('Justering');
  const signed = (who: string, at: Date | null) =>
    `${who}: ${at ? `justerat ${stamp.format(at)}` : 'inte justerat'}`;
  doc.text(signed(`Ordförande ${name(m.chairId)}`, m.chairAdjustedAt));
  doc.text(
    m.adjusterId
      ? signed(`Justerare ${name(m.adjusterId)}`, m.adjusterAdjustedAt)
      : 'Ingen justerare är utsedd.',
  );
  if (m.lockedAt) doc.text(`Protokollet justerades ${stamp.format(m.lockedAt)} och är låst.`);
  doc.end();
  return done;
}
