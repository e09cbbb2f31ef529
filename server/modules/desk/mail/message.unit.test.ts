import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  languageOf,
  messageIdOf,
  REPLY_ABOVE,
  referencedIds,
  replyText,
  robotReason,
  titleOf,
} from './message.ts';

// Reading a received mail: what makes it a robot's, which ids a reply names, and what a person wrote.

const parse = (headers: string, body = 'Hej') => simpleParser(Buffer.from(`${headers}\r\n\r\n${body}\r\n`));

describe('a received mail', () => {
  it('has its own Message-ID, or one made from its bytes; long ones are bounded', () => {
    const raw = Buffer.from('From: a@b\r\n\r\nx');
    expect(messageIdOf('<abc@x>', raw)).toBe('<abc@x>');
    expect(messageIdOf('abc@x', raw)).toBe('<abc@x>');
    expect(messageIdOf(undefined, raw)).toBe(messageIdOf(undefined, Buffer.from(raw)));
    expect(messageIdOf(undefined, raw)).not.toBe(messageIdOf(undefined, Buffer.from('From: a@b\r\n\r\ny')));
    expect(messageIdOf(`<${'x'.repeat(500)}@y>`, raw)).toMatch(/^<sha256\.[0-9a-f]{64}@styrbord>$/);
  });

  it('names the mails it answers: In-Reply-To first, then References newest first', async () => {
    const mail = await parse('From: a@b\r\nIn-Reply-To: <c@x>\r\nReferences: <a@x> <b@x> <c@x>');
    expect(referencedIds(mail)).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedIds(await parse('From: a@b'))).toEqual([]);
  });

  it.each([
    ['Auto-Submitted: auto-replied', '', 'autoReply'],
    ['Auto-Submitted: auto-generated', '', 'autoReply'],
    ['X-Autoreply: yes', '', 'autoReply'],
    ['X-Autorespond: Out of office', '', 'autoReply'],
    ['Precedence: bulk', '', 'bulk'],
    ['Precedence: junk', '', 'bulk'],
    ['Precedence: list', '', 'bulk'],
    ['From: MAILER-DAEMON@mx.example', 'mailer-daemon@mx.example', 'bounce'],
    ['From: postmaster@mx.example', 'postmaster@mx.example', 'bounce'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary=x', '', 'bounce'],
  ])('is a robot’s with %s', async (header, envelope, reason) => {
    const from = header.startsWith('From:') ? header : `From: eva@kommun.example\r\n${header}`;
    expect(robotReason(await parse(from), envelope || 'eva@kommun.example')).toBe(reason);
  });

  it('is a person’s otherwise, also with Auto-Submitted: no; the null sender is a bounce', async () => {
    expect(
      robotReason(await parse('From: eva@kommun.example\r\nAuto-Submitted: no'), 'eva@kommun.example'),
    ).toBeNull();
    expect(
      robotReason(await parse('From: eva@kommun.example\r\nPrecedence: first-class'), 'eva@kommun.example'),
    ).toBeNull();
    expect(robotReason(await parse('From: eva@kommun.example'), '')).toBe('bounce');
  });

  it('answers in English only when it says it is English', async () => {
    expect(languageOf(await parse('From: a@b\r\nContent-Language: en-GB'))).toBe('en');
    expect(languageOf(await parse('From: a@b\r\nContent-Language: sv-SE'))).toBe('sv');
    expect(languageOf(await parse('From: a@b'))).toBe('sv');
  });
});

describe('what a person wrote', () => {
  it('stops at the desk’s line, a quote header or Outlook’s header block, and drops > lines', () => {
    expect(replyText(`Tack, det fungerar!\n\n${REPLY_ABOVE.sv}\nHej Eva! ...`)).toBe('Tack, det fungerar!');
    expect(
      replyText('Nu går det.\n\nDen 3 mars 2026 14:02 skrev Servicedesk <sd@kommun.se>:\n> Prova igen'),
    ).toBe('Nu går det.');
    expect(replyText('Works now.\n\nOn Tue, 3 Mar 2026 at 14:02, Service desk wrote:\n> Try again')).toBe(
      'Works now.',
    );
    expect(replyText('Fortfarande fel.\n\nFrån: Servicedesk\nSkickat: den 3 mars\nÄmne: SV: ...')).toBe(
      'Fortfarande fel.',
    );
    expect(replyText('-----Ursprungligt meddelande-----\nFrån: x')).toBe(
      '-----Ursprungligt meddelande-----\nFrån: x',
    );
    expect(replyText('Svar\n> citat\nmer svar')).toBe('Svar\nmer svar');
  });

  it('is kept as record text: no control characters, bounded, one line for a title', () => {
    expect(cleanText('a\r\nb\u0000c\u001b', 100)).toBe('a\nbc');
    expect(cleanText('x'.repeat(50), 20)).toMatch(/^x+\n\n\[…\]$/);
    expect(cleanText('x'.repeat(50), 20)).toHaveLength(20);
    expect(titleOf('  SV:\tFel\r\n  på skrivaren ', 'Inget')).toBe('SV: Fel på skrivaren');
    expect(titleOf('', 'E-post utan ämne')).toBe('E-post utan ämne');
    expect(titleOf('x'.repeat(300), '')).toHaveLength(200);
  });
});
