import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Problem } from '../errors.ts';
import { column, exportCells, mapColumns, normalizeHeader, readRows } from './columns.ts';
import { ImportErrors } from './errors.ts';
import type { Sheet } from './sheet.ts';

const columns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: z.string().max(10) }),
  column({
    key: 'costCentre',
    sv: 'kostnadsställe',
    en: 'cost centre',
    aliases: ['kst'],
    parse: z.string().regex(/^\d+$/),
  }),
  column({
    key: 'count',
    sv: 'antal',
    en: 'count',
    parse: z.coerce.number().int(),
    format: (n) => String(n),
  }),
] as const;

function sheetOf(header: string[], ...rows: string[][]): Sheet {
  return { format: 'csv', headerLine: 1, header, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

function errorsOf(errors: ImportErrors) {
  return errors.sorted().map((e) => `${e.line}.${e.field}: ${e.message}`);
}

describe('header matching', () => {
  it.each([
    ['Kostnadsställe', 'kostnadsstalle'],
    ['  COST_CENTRE ', 'costcentre'],
    ['cost-centre', 'costcentre'],
    ['E-post', 'epost'],
    ['Överordnad enhet', 'overordnadenhet'],
  ])('%j → %j', (header, normal) => {
    expect(normalizeHeader(header)).toBe(normal);
  });

  it('takes the Swedish or English header, the key or an alias, whatever the case, spaces or diacritics', () => {
    for (const header of [
      ['namn', 'kostnadsställe'],
      ['Name', 'Cost Centre'],
      ['NAMN', 'kostnadsstalle'],
      ['name', 'costCentre'],
      ['namn', 'KST'],
    ]) {
      const errors = new ImportErrors();
      const found = mapColumns(sheetOf(header), columns, errors);
      expect(errors.total).toBe(0);
      expect([...found]).toEqual([
        ['name', 0],
        ['costCentre', 1],
      ]);
    }
  });

  it('reports unknown and repeated columns and cells under no header, on their lines', () => {
    const errors = new ImportErrors();
    mapColumns(
      sheetOf(['namn', 'färg', 'name', ''], ['a', 'b', 'c', 'd'], ['a', '', '', '', 'e']),
      columns,
      errors,
    );
    expect(errorsOf(errors)).toEqual([
      '1.färg: Unknown column; the columns are namn, kostnadsställe, antal',
      '1.name: The column namn is given twice (also column 1)',
      '1.column 4: The column has values but no header',
      '3.null: The row has more cells than there are columns',
    ]);
  });

  it('stops at a missing required column, as no row can be read without it', () => {
    const errors = new ImportErrors();
    expect(() => mapColumns(sheetOf(['kst'], ['1']), columns, errors)).toThrow(Problem);
    expect(errorsOf(errors)).toEqual(['1.name: Missing column namn (name)']);
  });
});

describe('reading rows', () => {
  it('parses each cell by its column: absent column undefined, empty optional cell null', () => {
    const errors = new ImportErrors();
    const rows = readRows(sheetOf(['namn', 'antal'], [' Ett ', '3'], ['Två', '']), columns, errors);
    expect(errors.total).toBe(0);
    expect(rows).toEqual([
      { line: 2, ok: true, values: { name: 'Ett', count: 3 }, text: { name: 'Ett', count: '3' } },
      { line: 3, ok: true, values: { name: 'Två', count: null }, text: { name: 'Två', count: '' } },
    ]);
    expect('costCentre' in rows[0]!.values).toBe(false);
  });

  it('reports every bad cell with its line and field, and keeps the text of the row', () => {
    const errors = new ImportErrors();
    const rows = readRows(
      sheetOf(['namn', 'kst', 'antal'], ['', '12', 'x'], ['Elva tecken!', '1 2', '4'], ['Ok', '7', '1']),
      columns,
      errors,
    );
    expect(errors.sorted().map((e) => [e.line, e.field])).toEqual([
      [2, 'name'],
      [2, 'count'],
      [3, 'name'],
      [3, 'costCentre'],
    ]);
    expect(errors.sorted()[0]!.message).toBe('Required');
    expect(rows.map((r) => r.ok)).toEqual([false, false, true]);
    expect(rows[1]!.text).toEqual({ name: 'Elva tecken!', costCentre: '1 2', count: '4' });
    expect(rows[1]!.values).toEqual({ count: 4 });
  });

  it('answers every error as a 400 problem in line order, at most a thousand', () => {
    const errors = new ImportErrors();
    for (let line = 1200; line >= 2; line--) errors.add(line, 'name', 'Required');
    errors.add(null, null, 'The file is odd');
    let problem: Problem | undefined;
    try {
      errors.throwIfAny();
    } catch (e) {
      problem = e as Problem;
    }
    expect(problem?.status).toBe(400);
    expect(problem?.errors).toHaveLength(1000);
    expect(problem?.errors?.slice(0, 2)).toEqual([
      { path: 'file', message: 'The file is odd' },
      { path: 'line 2.name', message: 'Required' },
    ]);
    expect(problem?.detail).toBe('1200 errors in the file; the first 1000 are listed. Nothing was imported.');
  });

  it('exports cells by the same columns, so that they read back', () => {
    const record = { name: 'Ett', costCentre: null, count: 3 };
    const cells = exportCells(columns, record);
    expect(cells).toEqual(['Ett', '', '3']);
    const errors = new ImportErrors();
    const [row] = readRows(sheetOf(['namn', 'kostnadsställe', 'antal'], cells), columns, errors);
    expect(row!.values).toEqual(record);
  });
});
