// Only what changed goes into the audit trail: { field: [before, after] }. Bookkeeping fields
// (version, updatedAt) change on every write and say nothing, so they are left out.

const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'tenantId', 'sortName']);

export type Changes = Record<string, [unknown, unknown]>;

export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}
