import { describe, expect, it } from 'vitest';
import { changedFields, keepEdits } from './form.ts';

describe('keepEdits', () => {
  const read = { status: 'inProgress', groupId: 'g1', assignee: { id: 'p1', name: 'Ada' } };

  it('keeps what was changed in the form and takes the rest from the newer version', () => {
    const edited = { ...read, status: 'solved' };
    const newer = { ...read, groupId: 'g2', assignee: { id: 'p2', name: 'Bo' } };
    expect(keepEdits(read, edited, newer)).toEqual({
      status: 'solved',
      groupId: 'g2',
      assignee: { id: 'p2', name: 'Bo' },
    });
  });

  it('compares objects by value, so an untouched picker follows the newer version', () => {
    const edited = { ...read, assignee: { id: 'p1', name: 'Ada' } };
    const newer = { ...read, assignee: null };
    expect(keepEdits(read, edited, newer as never).assignee).toBeNull();
  });

  it('leaves nothing to save when the newer version is what was saved', () => {
    const edited = { ...read, status: 'solved' };
    const newer = { ...read, status: 'solved' };
    const kept = keepEdits(read, edited, newer);
    expect(changedFields(newer, kept)).toEqual({});
  });
});
