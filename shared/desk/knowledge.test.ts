import { describe, expect, it } from 'vitest';
import {
  articleCreate,
  bodyBlocks,
  excerptOf,
  particleForms,
  suggestQuery,
  tsqueryText,
} from './knowledge.ts';

// The knowledge base's pure parts: the words of a search as a tsquery (nothing a person types
// becomes tsquery syntax), the particle-verb forms, and the body's simple format.

describe('tsqueryText', () => {
  it('joins the words with OR for suggestions and AND for a search, the word being typed a prefix', () => {
    expect(tsqueryText('Kan inte logga in i Her', 'any')).toBe(
      'kan | inte | logga:* | in | i | her:* | inlogg:*',
    );
    // A space after the last word: it is finished, no prefix (unless it is long).
    expect(tsqueryText('skrivare ', 'all')).toBe('skrivare:*');
    expect(tsqueryText('vpn hem', 'all')).toBe('vpn & hem:*');
    expect(tsqueryText('vpn hem ', 'all')).toBe('vpn & hem');
  });

  it('drops a definite ending from long prefixes, so that "lösenordet" also finds "lösenord"', () => {
    expect(tsqueryText('lösenordet ', 'all')).toBe('lösenord:*');
    expect(tsqueryText('kontot', 'all')).toBe('kont:*');
    expect(tsqueryText('datorn', 'all')).toBe('dator:*');
    // Too little would be left: the word stays whole.
    expect(tsqueryText('appen', 'all')).toBe('appen:*');
    expect(tsqueryText('skrivarna', 'all')).toBe('skriv:*');
  });

  it('keeps only letters and digits: tsquery syntax and injection attempts are plain words', () => {
    expect(tsqueryText("x' | !y & (z:*) <-> 'w", 'all')).toBe('x & y & z & w');
    expect(tsqueryText('Å ä ö é 2026', 'any')).toBe('å | ä | ö | é | 2026:*');
    expect(tsqueryText('!!! ***', 'any')).toBeNull();
    expect(tsqueryText('', 'all')).toBeNull();
  });

  it('takes a bounded number of terms from a long text', () => {
    const long = Array.from({ length: 100 }, (_, i) => `ord${i}`).join(' ');
    expect(tsqueryText(long, 'any')!.split(' | ')).toHaveLength(24);
  });
});

describe('particleForms', () => {
  it('turns a particle verb into the noun stem and back', () => {
    expect(particleForms(['logga', 'in'])).toEqual(['inlogg']);
    expect(particleForms(['loggade', 'ut'])).toEqual(['utlogg']);
    expect(particleForms(['låsa', 'upp'])).toEqual(['upplås']);
    expect(particleForms(['stänga', 'av'])).toEqual(['avstäng']);
    expect(particleForms(['inloggningen'])).toEqual(['logg']);
    expect(particleForms(['upplåsning'])).toEqual(['lås']);
    // Neither a particle verb nor such a noun.
    expect(particleForms(['skrivaren', 'fungerar'])).toEqual([]);
    expect(particleForms(['information'])).toEqual([]);
    expect(particleForms(['ta', 'in'])).toEqual([]);
  });
});

describe('bodyBlocks', () => {
  it('reads paragraphs, bullet lists and numbered lists, and nothing else', () => {
    const body = [
      'Så gör du:',
      'läs noga.',
      '',
      '1. Vänta 30 minuter.',
      '2) Logga in igen',
      '   med ditt vanliga lösenord.',
      '- en punkt',
      '* en till',
      '',
      '<script>alert(1)</script> **inte fetstil**',
    ].join('\r\n');
    expect(bodyBlocks(body)).toEqual([
      { kind: 'paragraph', lines: ['Så gör du:', 'läs noga.'] },
      {
        kind: 'numbered',
        items: ['Vänta 30 minuter.', 'Logga in igen med ditt vanliga lösenord.'],
      },
      { kind: 'bullets', items: ['en punkt', 'en till'] },
      { kind: 'paragraph', lines: ['<script>alert(1)</script> **inte fetstil**'] },
    ]);
    expect(bodyBlocks('  \n\n ')).toEqual([]);
  });

  it('makes an excerpt of the first words, cut at a word', () => {
    expect(excerptOf('Kort.\n\n- punkt ett\n- punkt två')).toBe('Kort. punkt ett punkt två');
    const long = `${'Ett långt stycke om inloggning '.repeat(20)}slut`;
    const cut = excerptOf(long, 60);
    expect(cut.length).toBeLessThanOrEqual(62);
    expect(cut.endsWith(' …')).toBe(true);
    expect(long.startsWith(cut.slice(0, -2))).toBe(true);
  });
});

describe('schemas', () => {
  it('needs the text or the ticket to suggest for, and bounds the number', () => {
    expect(suggestQuery.safeParse({}).success).toBe(false);
    expect(suggestQuery.parse({ text: 'heroma' }).limit).toBe(5);
    expect(suggestQuery.safeParse({ text: 'x', limit: '11' }).success).toBe(false);
  });

  it('refuses control characters, unknown fields and too many keywords', () => {
    const base = { title: 'Rubrik', body: 'Text', kind: 'solution' };
    expect(articleCreate.parse(base).keywords).toEqual([]);
    expect(articleCreate.safeParse({ ...base, title: 'a\u0000b' }).success).toBe(false);
    expect(articleCreate.safeParse({ ...base, state: 'published' }).success).toBe(false);
    expect(articleCreate.safeParse({ ...base, keywords: Array(21).fill('ord') }).success).toBe(false);
    expect(articleCreate.safeParse({ ...base, kind: 'faq' }).success).toBe(false);
  });
});
