import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SieError, type SieFile, sieText, writeSie } from './sie.ts';

// The SIE 4i writer, read back the way a finance system reads it: CP437 bytes, CRLF records,
// quoted fields, vouchers that balance, and every object declared.

function file(overrides: Partial<SieFile> = {}): SieFile {
  return {
    program: { name: 'Styrbord', version: '1.0' },
    generatedOn: '2026-12-02',
    generatedBy: 'Åsa Öberg',
    company: { name: 'Styrby kommun', orgNr: '212000-0001' },
    accounts: [
      { number: '6540', name: 'IT-tjänster' },
      { number: '3990', name: 'Interna intäkter' },
    ],
    dimensions: [
      { number: 1, name: 'Kostnadsställe' },
      { number: 6, name: 'Projekt' },
    ],
    objects: [
      { dimension: 1, code: '4100', name: 'Västra skolan' },
      { dimension: 1, code: '9100', name: 'IT-enheten' },
      { dimension: 6, code: 'P12', name: 'Skolplattform "Nya"' },
    ],
    vouchers: [
      {
        series: 'IT',
        date: '2026-11-30',
        text: 'Debitering 2026-11 Västra skolan',
        transactions: [
          {
            account: '6540',
            objects: { 6: 'P12', 1: '4100' },
            amountOre: 123450,
            text: 'Dator som tjänst',
            quantity: 3,
          },
          { account: '3990', objects: { 1: '9100' }, amountOre: -123450 },
        ],
      },
    ],
    ...overrides,
  };
}

/** Splits a record into fields as SIE readers do: spaces, quotes with \" inside, {…} lists. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|\{([^}]*)\}|(\S+)/g;
  for (const m of line.matchAll(re))
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3])!);
  return out;
}

describe('SIE 4i', () => {
  it('writes CP437 with CRLF records and the header a finance system expects', () => {
    const bytes = writeSie(file());
    // Å, Ö and ä are single bytes in CP437 (0x8F, 0x99, 0x84), not UTF-8 pairs.
    expect(bytes.includes(Buffer.from([0x8f]))).toBe(true);
    expect(bytes.includes(Buffer.from('Ã', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'cp437');
    expect(text).toBe(sieText(file()));
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, 5)).toEqual([
      '#FLAGGA 0',
      '#PROGRAM "Styrbord" "1.0"',
      '#FORMAT PC8',
      '#GEN 20261202 "Åsa Öberg"',
      '#SIETYP 4',
    ]);
    expect(lines).toContain('#DIM 1 "Kostnadsställe"');
    expect(lines).toContain('#DIM 6 "Projekt"');
    expect(lines).toContain('#OBJEKT 1 "4100" "Västra skolan"');
  });

  it('writes each voucher in braces, transactions with objects in dimension order and amounts in kronor', () => {
    const lines = sieText(file()).split('\r\n');
    const ver = lines.findIndex((l) => l.startsWith('#VER'));
    expect(fields(lines[ver]!)).toEqual(['#VER', 'IT', '', '20261130', 'Debitering 2026-11 Västra skolan']);
    expect(lines[ver + 1]).toBe('{');
    expect(fields(lines[ver + 2]!)).toEqual([
      '#TRANS',
      '6540',
      '1 "4100" 6 "P12"',
      '1234.50',
      '',
      'Dator som tjänst',
      '3',
    ]);
    expect(fields(lines[ver + 3]!)).toEqual(['#TRANS', '3990', '1 "9100"', '-1234.50']);
    expect(lines[ver + 4]).toBe('}');
  });

  it('escapes quotes and flattens line breaks so a name cannot break a record', () => {
    const text = sieText(file({ company: { name: 'Styrby "kommun"\r\n#VER x' } }));
    const fnamn = text.split('\r\n').find((l) => l.startsWith('#FNAMN'))!;
    expect(fields(fnamn)).toEqual(['#FNAMN', 'Styrby "kommun"  #VER x']);
    expect(text.split('\r\n').filter((l) => l.startsWith('#VER'))).toHaveLength(1);
    expect(fields(text.split('\r\n').find((l) => l.includes('P12'))!)[3]).toBe('Skolplattform "Nya"');
  });

  it('writes dashes and curly quotes CP437 lacks as their plain forms, not as ?', () => {
    const bytes = writeSie(file({ company: { name: 'Björkskolan F–6 ”Nya” – skol’s…' } }));
    const fnamn = iconv
      .decode(bytes, 'cp437')
      .split('\r\n')
      .find((l) => l.startsWith('#FNAMN'))!;
    expect(fnamn).toBe('#FNAMN "Björkskolan F-6 \\"Nya\\" - skol\'s..."');
  });

  it('refuses a voucher that does not balance, saying which', () => {
    const bad = file();
    const vouchers = [{ ...bad.vouchers[0]!, transactions: [{ ...bad.vouchers[0]!.transactions[0]! }] }];
    expect(() => writeSie({ ...bad, vouchers })).toThrow(SieError);
    expect(() => writeSie({ ...bad, vouchers })).toThrow(/vouchers\[0\].*does not balance \(1234\.50\)/);
  });

  it('refuses an object that is not declared, and a dimension that is not', () => {
    const v = file().vouchers[0]!;
    const undeclared = [
      { ...v, transactions: [{ ...v.transactions[0]!, objects: { 1: '4200' } }, v.transactions[1]!] },
    ];
    expect(() => writeSie(file({ vouchers: undeclared }))).toThrow(/transactions\[0\].*4200/);
    expect(() => writeSie(file({ dimensions: [{ number: 1, name: 'Kostnadsställe' }] }))).toThrow(
      /objects\[2\].*dimension 6/,
    );
  });

  it('refuses fractions of öre and bad dates', () => {
    const v = file().vouchers[0]!;
    const fraction = [
      {
        ...v,
        transactions: [
          { ...v.transactions[0]!, amountOre: 0.5 },
          { ...v.transactions[1]!, amountOre: -0.5 },
        ],
      },
    ];
    expect(() => writeSie(file({ vouchers: fraction }))).toThrow(/whole öre/);
    expect(() => writeSie(file({ vouchers: [{ ...v, date: '30/11/2026' }] }))).toThrow(/YYYY-MM-DD/);
  });

  it('writes whole kronor without decimals and small amounts with a leading zero', () => {
    const v = file().vouchers[0]!;
    const vouchers = [
      {
        ...v,
        transactions: [
          { account: '6540', objects: { 1: '4100' }, amountOre: 5 },
          { account: '6540', objects: { 1: '4100' }, amountOre: 100000 },
          { account: '3990', objects: { 1: '9100' }, amountOre: -100005 },
        ],
      },
    ];
    const amounts = sieText(file({ vouchers }))
      .split('\r\n')
      .filter((l) => l.includes('#TRANS'))
      .map((l) => fields(l)[3]);
    expect(amounts).toEqual(['0.05', '1000', '-1000.05']);
  });
});
