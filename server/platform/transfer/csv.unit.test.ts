import { describe, expect, it } from 'vitest';
import { Problem } from '../errors.ts';
import { decodeText, detectDelimiter, formulaSafe, readCsvRows, unFormulaSafe, writeCsv } from './csv.ts';
import { readSheet } from './sheet.ts';

describe('encoding detection', () => {
  const text = 'Förnamn;Åsa Öberg;café';
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
  });
  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from(text, 'latin1'))).toBe(text);
    // 0x80 is the euro sign in Windows-1252 (not a control character as in Latin-1).
    expect(decodeText(Buffer.from([0x80, 0x20, 0x31, 0x30]))).toBe('€ 10');
  });
  it('reads UTF-16 with BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });
});

describe('delimiter detection', () => {
  it.each([
    ['namn;typ;kst\r\nA;b;c', ';'],
    ['namn,typ,kst\nA,b,c', ','],
    ['namn\ttyp\tkst\nA\tb\tc', '\t'],
    // Commas inside quotes do not count; only the header line is looked at.
    ['"namn, fullt";typ\nA,B,C,D,E;x', ';'],
    ['namn\nA', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('a tab-separated file reads into columns', async () => {
    const sheet = await readSheet(Buffer.from('namn\ttyp\nA\tenhet\n'));
    expect(sheet.header).toEqual(['namn', 'typ']);
    expect(sheet.rows).toEqual([{ line: 2, cells: ['A', 'enhet'] }]);
  });
});

describe('formula safety', () => {
  it.each(['=1+1', '+46 70 123', '-5', '@SUM(A1)', '\tx', '\rx'])('escapes %j and reads it back', (value) => {
    expect(formulaSafe(value)).toBe(`'${value}`);
    expect(unFormulaSafe(formulaSafe(value))).toBe(value);
  });
  it.each(['Åsa', '1100', "'quoted", "O'Brien", ''])('leaves %j as it is', (value) => {
    expect(formulaSafe(value)).toBe(value);
    expect(unFormulaSafe(value)).toBe(value);
  });
  it('writes semicolons, CRLF and a BOM, escaping every cell that could start a formula', () => {
    const body = writeCsv(
      ['namn', 'telefon'],
      [
        ['=HYPERLINK("x")', '+4670'],
        ['a;b', ''],
      ],
    );
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.subarray(3).toString('utf8')).toBe(
      'namn;telefon\r\n"\'=HYPERLINK(""x"")";\'+4670\r\n"a;b";\r\n',
    );
  });
  it('an export reads back unchanged', () => {
    const rows = [['=1+1', '-', 'x\ny', '"q"', 'a;b']];
    const text = decodeText(writeCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect(readCsvRows(text, 10).map((r) => r.cells)).toEqual([['a', 'b', 'c', 'd', 'e'], ...rows]);
  });
});

describe('reading CSV', () => {
  it('numbers rows by the line they start on, past quoted line breaks and blank lines', () => {
    const rows = readCsvRows('h1;h2\n"two\nlines";x\n\nlast;y\n', 10);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });
  it('refuses more rows than the limit', () => {
    const text = ['h', '1', '2', '3', '4'].join('\n');
    expect(() => readCsvRows(text, 3)).toThrow(Problem);
    expect(readCsvRows(text, 4)).toHaveLength(5);
  });
});
