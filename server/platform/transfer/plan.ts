import type { ImportErrors } from './errors.ts';

// Planning an import: which rows of the file create a record, which change one and which leave one
// as it is. Pure functions over the file's rows and the tenant's current records, so they are
// tested without a database; the apply step then writes exactly the plan.

export interface Plan<Row, Values> {
  /** New records with their ids, in the order they are to be written. */
  creates: (Values & { id: string })[];
  /** Existing records and only the fields that change. */
  updates: { before: Row; changes: Partial<Values> }[];
  unchanged: number;
}

export const emptyPlan = <Row, Values>(): Plan<Row, Values> => ({ creates: [], updates: [], unchanged: 0 });

/** Adds a row to the plan: a create without a match, else an update of what differs, or unchanged. */
export function addToPlan<Row, Values extends object>(
  plan: Plan<Row, Values>,
  match: Row | undefined,
  values: Values,
  newId: () => string,
  id?: string,
): void {
  if (!match) {
    plan.creates.push({ id: id ?? newId(), ...values });
    return;
  }
  const changes = changedFields(match as Record<string, unknown>, values);
  if (changes) plan.updates.push({ before: match, changes });
  else plan.unchanged++;
}

/** The fields of `values` that differ from `before`, or undefined when none does. */
export function changedFields<V extends object>(
  before: Record<string, unknown>,
  values: V,
): Partial<V> | undefined {
  const changes: Partial<V> = {};
  let any = false;
  for (const key of Object.keys(values) as (keyof V & string)[]) {
    if (before[key] !== values[key]) {
      changes[key] = values[key];
      any = true;
    }
  }
  return any ? changes : undefined;
}

export function groupBy<T>(
  items: readonly T[],
  key: (item: T) => string | null | undefined,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Active records when there are any, else the archived ones. */
export function preferActive<T extends { archivedAt?: Date | string | null }>(
  rows: readonly T[] | undefined,
): T[] {
  if (!rows) return [];
  const active = rows.filter((r) => !r.archivedAt);
  return active.length > 0 ? active : rows.slice();
}

/** A value that identifies a record: an employee number, an email address, a cost centre. */
export interface MatchKey<In, Row> {
  /** The column the key is in: errors about it name this field. */
  field: string;
  /** What the key is called in messages: "employee number". */
  label: string;
  of: (row: In) => string | null | undefined;
  ofExisting: (row: Row) => string | null | undefined;
}

export interface PlannedRow {
  line: number;
  ok: boolean;
}

/**
 * How rows of one record type are matched and turned into values. `resolve` runs on every row,
 * bad ones too, so that every error is found at once (e.g. a unit named that does not exist);
 * `values` only on good rows with their match.
 */
export interface KeyedPlanSpec<In extends PlannedRow, Row extends { id: string }, Values, Resolved> {
  /** What one record is called in messages: "person". */
  noun: string;
  /** Unique keys, in the order a row is matched by them. Each must be unique in the file too. */
  keys: MatchKey<In, Row>[];
  /** Looks up what the row refers to; undefined when an error was reported. */
  resolve?: (row: In, errors: ImportErrors) => Resolved | undefined;
  /** The record as the row makes it (absent columns keep the match's values); undefined on error. */
  values: (row: In, match: Row | undefined, resolved: Resolved, errors: ImportErrors) => Values | undefined;
  /** How a message names an existing record, e.g. " (employee number E100)". */
  describe?: (row: Row) => string;
  newId: () => string;
}

/**
 * The plan of a flat record type matched by unique keys (people; systems by their id; contracts by
 * their number). Reports keys repeated in the file, a key that belongs to another record than the
 * one the row matched, and two rows that match the same record.
 */
export function planByKeys<
  In extends PlannedRow,
  Row extends { id: string; archivedAt?: Date | string | null },
  Values extends object,
  Resolved = undefined,
>(
  rows: readonly In[],
  existing: readonly Row[],
  spec: KeyedPlanSpec<In, Row, Values, Resolved>,
  errors: ImportErrors,
): Plan<Row, Values> {
  const indexes = spec.keys.map((key) => {
    const grouped = groupBy(existing, key.ofExisting);
    return new Map([...grouped].map(([value, list]) => [value, preferActive(list)[0]!]));
  });

  const bad = new Set<number>();
  spec.keys.forEach((key) => {
    const first = new Map<string, number>();
    rows.forEach((row, index) => {
      const value = key.of(row);
      if (!value) return;
      const at = first.get(value);
      if (at === undefined) first.set(value, index);
      else {
        errors.add(row.line, key.field, `The ${key.label} ${value} is also on line ${rows[at]!.line}`);
        bad.add(index);
      }
    });
  });

  const plan = emptyPlan<Row, Values>();
  const claimedBy = new Map<string, number>();
  rows.forEach((row, index) => {
    const resolved = spec.resolve ? spec.resolve(row, errors) : (undefined as Resolved);
    if (!row.ok || bad.has(index) || (spec.resolve && resolved === undefined)) return;

    let match: Row | undefined;
    let matchedBy: MatchKey<In, Row> | undefined;
    spec.keys.forEach((key, k) => {
      const value = key.of(row);
      if (match || !value) return;
      match = indexes[k]!.get(value);
      if (match) matchedBy = key;
    });
    for (const [k, key] of spec.keys.entries()) {
      const value = key.of(row);
      const owner = value ? indexes[k]!.get(value) : undefined;
      if (owner && owner.id !== match?.id) {
        errors.add(
          row.line,
          key.field,
          `The ${key.label} is used by another ${spec.noun}${spec.describe?.(owner) ?? ''}`,
        );
        return;
      }
    }
    if (match) {
      const first = claimedBy.get(match.id);
      if (first !== undefined) {
        errors.add(row.line, matchedBy!.field, `The same ${spec.noun} as on line ${rows[first]!.line}`);
        return;
      }
      claimedBy.set(match.id, index);
    }
    const values = spec.values(row, match, resolved as Resolved, errors);
    if (values) addToPlan(plan, match, values, spec.newId);
  });
  return plan;
}
