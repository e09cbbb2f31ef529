import { describe, expect, it } from 'vitest';
import { ImportErrors, readRows, type Sheet } from '../../../platform/transfer/index.ts';
import type { SystemRow } from '../systems/service.ts';
import { importColumns } from './columns.ts';
import {
  cellErrors,
  chooseColumns,
  chosenSheet,
  type ImportContext,
  planSystems,
  splitNames,
  splitTags,
  systemKey,
} from './plan.ts';

// The planner of the systemkarta import without a database: words, columns and interpretation.

const sheet = (header: string[], ...rows: string[][]): Sheet => ({
  format: 'csv',
  headerLine: 1,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  systems: [],
  units: [
    { id: 'u-it', name: 'IT-enheten', costCentre: '1110', archivedAt: null },
    { id: 'u-old', name: 'Gamla enheten', costCentre: null, archivedAt: new Date() },
  ],
  people: [{ id: 'p-anna', givenName: 'Anna', familyName: 'Berg', email: 'anna.berg@x.example' }],
  suppliers: [],
  grants: new Set(),
  ...over,
});

function plan(s: Sheet, ctx = context(), mapping?: Record<string, string>) {
  const fileErrors: { line: number | null }[] = [];
  const columns = chooseColumns(s, mapping, fileErrors as never);
  const cells = new ImportErrors();
  const rows = readRows(chosenSheet(s, columns), importColumns, cells);
  let n = 0;
  return { columns, fileErrors, ...planSystems(rows, ctx, cellErrors(cells), () => `new-${++n}`) };
}

describe('the systemkarta planner', () => {
  it('knows a system by its name whatever the case and spacing', () => {
    expect(systemKey(' Ekonomi  System ')).toBe(systemKey('ekonomisystem'));
    expect(systemKey('Lön')).not.toBe(systemKey('Lön 2'));
  });

  it('splits several people and tags in one cell', () => {
    expect(splitNames('Anna Berg; Per Holm och Eva Lind, Kim Ek / Bo Ström')).toEqual([
      'Anna Berg',
      'Per Holm',
      'Eva Lind',
      'Kim Ek',
      'Bo Ström',
    ]);
    expect(splitTags('lön,  personal ;lön')).toEqual(['lön', 'personal']);
  });

  it('matches headers by name or alias, and the mapping overrides and ignores', () => {
    const s = sheet(['System', 'Förvaltare', 'Anteckning', 'Ägare'], ['A', '', '', '']);
    expect(plan(s).columns.map((c) => c.field)).toEqual(['name', 'managers', null, 'owner']);
    const mapped = plan(s, context(), { Anteckning: 'description', Ägare: '' });
    expect(mapped.columns.map((c) => [c.field, c.source])).toEqual([
      ['name', 'auto'],
      ['managers', 'auto'],
      ['description', 'mapping'],
      [null, 'ignored'],
    ]);
    const twice = plan(sheet(['Namn', 'System'], ['A', 'B']));
    expect(twice.fileErrors).toMatchObject([{ line: 1, code: 'columnTwice' }]);
  });

  it('takes a person in either name order, a unit by cost centre, and says when a förvaltare is a unit', () => {
    const result = plan(
      sheet(
        ['namn', 'systemägare', 'systemförvaltare', 'förvaltning'],
        ['Kassa', 'Berg Anna', 'IT-enheten', '1110'],
      ),
    );
    expect(result.creates).toEqual([
      expect.objectContaining({ id: 'new-1', name: 'Kassa', owningUnitId: 'u-it', scope: 'business' }),
    ]);
    expect(result.grants).toEqual([
      { systemId: 'new-1', systemName: 'Kassa', personId: 'p-anna', role: 'systemOwner' },
    ]);
    expect(result.rows[0]!.notes.map((n) => n.code)).toEqual(['managerNotPerson']);
  });

  it('does not place a system in an archived unit', () => {
    const result = plan(sheet(['namn', 'förvaltning'], ['Kassa', 'Gamla enheten']));
    expect(result.rows[0]).toMatchObject({
      action: 'error',
      errors: [{ field: 'owningUnit', code: 'unitUnknown' }],
    });
    expect(result.creates).toEqual([]);
  });

  it('refuses to update an archived system of the same name', () => {
    const archived = { id: 's-1', name: 'Kassa', archivedAt: new Date(), tags: [] } as unknown as SystemRow;
    const result = plan(sheet(['namn'], ['kassa']), context({ systems: [archived] }));
    expect(result.rows[0]).toMatchObject({ action: 'error', errors: [{ code: 'systemArchived' }] });
  });
});
