import { describe, expect, it } from 'vitest';
import { ImportErrors } from './errors.ts';
import { changedFields, type KeyedPlanSpec, planByKeys } from './plan.ts';

// A contract-like record: matched by its number, else by its name; `supplier` refers to another
// record type and is resolved on every row.

interface Existing {
  id: string;
  number: string | null;
  name: string;
  supplier: string | null;
  archivedAt: Date | null;
}

interface In {
  line: number;
  ok: boolean;
  number?: string | null;
  name: string;
  supplier?: string | null;
}

type Values = Pick<Existing, 'number' | 'name' | 'supplier'>;

const suppliers = new Set(['Atea', 'Tieto']);

const spec: KeyedPlanSpec<In, Existing, Values, { supplier: string | null | undefined }> = {
  noun: 'contract',
  keys: [
    { field: 'number', label: 'contract number', of: (r) => r.number, ofExisting: (e) => e.number },
    { field: 'name', label: 'name', of: (r) => r.name, ofExisting: (e) => e.name },
  ],
  resolve: (row, errors) => {
    if (row.supplier && !suppliers.has(row.supplier)) {
      errors.add(row.line, 'supplier', `No supplier "${row.supplier}"`);
      return undefined;
    }
    return { supplier: row.supplier };
  },
  values: (row, match, { supplier }) => ({
    number: row.number === undefined ? (match?.number ?? null) : row.number,
    name: row.name,
    supplier: supplier === undefined ? (match?.supplier ?? null) : supplier,
  }),
  describe: (e) => (e.number ? ` (${e.number})` : ''),
  newId: (() => {
    let n = 0;
    return () => `new-${++n}`;
  })(),
};

const existing: Existing[] = [
  { id: 'a', number: 'K-1', name: 'Drift', supplier: 'Atea', archivedAt: null },
  { id: 'b', number: 'K-2', name: 'Licenser', supplier: null, archivedAt: null },
  { id: 'c', number: null, name: 'Konsulter', supplier: 'Tieto', archivedAt: null },
];

function plan(rows: Omit<In, 'ok'>[]) {
  const errors = new ImportErrors();
  const result = planByKeys(
    rows.map((r) => ({ ok: true, ...r })),
    existing,
    spec,
    errors,
  );
  return { plan: result, errors: errors.sorted().map((e) => `${e.line}.${e.field}: ${e.message}`) };
}

describe('planning by keys', () => {
  it('creates, updates and leaves unchanged; matches by the first key, else the next', () => {
    const { plan: p, errors } = plan([
      { line: 2, number: 'K-1', name: 'Drift och förvaltning' },
      { line: 3, name: 'Licenser', supplier: 'Atea' },
      { line: 4, number: null, name: 'Konsulter', supplier: 'Tieto' },
      { line: 5, number: 'K-9', name: 'Nytt avtal' },
    ]);
    expect(errors).toEqual([]);
    expect(p.creates).toEqual([{ id: 'new-1', number: 'K-9', name: 'Nytt avtal', supplier: null }]);
    expect(p.updates).toEqual([
      { before: existing[0], changes: { name: 'Drift och förvaltning' } },
      { before: existing[1], changes: { supplier: 'Atea' } },
    ]);
    expect(p.unchanged).toBe(1);
  });

  it('reports keys repeated in the file, a key owned by another record, a record matched twice and bad references, all at once', () => {
    const { plan: p, errors } = plan([
      { line: 2, number: 'K-7', name: 'Ett' },
      { line: 3, number: 'K-7', name: 'Två' },
      // Matched by number K-1 (Drift), but the name belongs to record b.
      { line: 4, number: 'K-1', name: 'Licenser' },
      { line: 5, name: 'Konsulter' },
      { line: 6, number: null, name: 'Konsulter', supplier: 'Okänd' },
      { line: 7, number: 'K-2', name: 'Licenser 2', supplier: 'Okänd' },
    ]);
    expect(errors).toEqual([
      '3.number: The contract number K-7 is also on line 2',
      '4.name: The name is used by another contract (K-2)',
      '6.name: The name Konsulter is also on line 5',
      '6.supplier: No supplier "Okänd"',
      '7.supplier: No supplier "Okänd"',
    ]);
    // The planner reports; the caller refuses the file when there is any error.
    expect(p.creates.map((c) => c.name)).toEqual(['Ett']);
  });

  it('reports two rows that match the same record by different keys', () => {
    const { errors } = plan([
      { line: 2, number: 'K-1', name: 'Drift' },
      { line: 3, name: 'Drift' },
    ]);
    expect(errors).toEqual(['3.name: The name Drift is also on line 2']);
    const byBoth = plan([
      { line: 2, number: 'K-2', name: 'Nytt namn' },
      { line: 3, number: null, name: 'Licenser' },
    ]);
    expect(byBoth.errors).toEqual(['3.name: The same contract as on line 2']);
  });

  it('skips rows already known to be bad but still resolves their references', () => {
    const errors = new ImportErrors();
    const p = planByKeys([{ line: 2, ok: false, name: 'X', supplier: 'Okänd' }], existing, spec, errors);
    expect(p).toEqual({ creates: [], updates: [], unchanged: 0 });
    expect(errors.sorted().map((e) => e.field)).toEqual(['supplier']);
  });
});

describe('changed fields', () => {
  it('answers only what differs, or undefined', () => {
    expect(changedFields({ a: 1, b: null, c: 'x' }, { a: 1, b: 'y' })).toEqual({ b: 'y' });
    expect(changedFields({ a: 1 }, { a: 1 })).toBeUndefined();
  });
});
