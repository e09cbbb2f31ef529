import { describe, expect, it } from 'vitest';
import { archiveBody, permissions, version } from '../../shared/records.ts';
import { Problem } from './errors.ts';
import { guardUnique } from './records.ts';
import { rowsPerInsert } from './tenancy.ts';

describe('rowsPerInsert', () => {
  it('keeps every INSERT under 65,535 parameters and at most 1000 rows', () => {
    expect(rowsPerInsert(10)).toBe(1000);
    expect(rowsPerInsert(100)).toBe(655);
    expect(rowsPerInsert(100) * 100).toBeLessThanOrEqual(65_535);
    expect(rowsPerInsert(70_000)).toBe(1);
    expect(rowsPerInsert(0)).toBe(1000);
  });
});

describe('guardUnique', () => {
  it('answers a unique violation with 409 naming the field', async () => {
    const violation = Object.assign(new Error('duplicate key'), { code: '23505' });
    const error = await guardUnique(
      () => Promise.reject(violation),
      'body.email',
      'The email address is already used by another person',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Problem);
    expect(error).toMatchObject({
      status: 409,
      errors: [{ path: 'body.email', message: 'The email address is already used by another person' }],
    });
  });

  it('finds the violation as the cause of a wrapped error (drizzle wraps the driver error)', async () => {
    const wrapped = Object.assign(new Error('Failed query'), { cause: { code: '23505' } });
    const error = await guardUnique(() => Promise.reject(wrapped), 'body.x', 'Taken').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 409 });
  });

  it('passes other errors and results through', async () => {
    const other = Object.assign(new Error('foreign key'), { code: '23503' });
    await expect(guardUnique(() => Promise.reject(other), 'body.x', 'Taken')).rejects.toBe(other);
    await expect(guardUnique(async () => 7, 'body.x', 'Taken')).resolves.toBe(7);
  });
});

describe('shared record schemas', () => {
  it('builds a can object of booleans from the names of the actions', () => {
    const can = permissions(['update', 'archive', 'restore']);
    expect(can.parse({ update: true, archive: false, restore: false })).toEqual({
      update: true,
      archive: false,
      restore: false,
    });
    expect(can.safeParse({ update: true, archive: false }).success).toBe(false);
    expect(can.safeParse({ update: 'yes', archive: false, restore: false }).success).toBe(false);
  });

  it('wants a reason to archive and a positive version', () => {
    expect(archiveBody.safeParse({ version: 1, reason: '  ' }).success).toBe(false);
    expect(archiveBody.safeParse({ version: 1, reason: 'Nedlagd' }).success).toBe(true);
    expect(version.safeParse(0).success).toBe(false);
  });
});
