import { describe, expect, it } from 'vitest';
import { parentProblem, type TreeNode } from './tree.ts';

// kommun ─ ks ─ ekonomi ─ löner;  gammal (archived)
const tree: Record<string, TreeNode> = {
  kommun: { parentId: null, active: true },
  ks: { parentId: 'kommun', active: true },
  ekonomi: { parentId: 'ks', active: true },
  loner: { parentId: 'ekonomi', active: true },
  gammal: { parentId: 'kommun', active: false },
};
const nodeOf = (id: string) => tree[id];

describe('the unit tree check', () => {
  it('allows a parent that exists, is active and is not below the unit', () => {
    expect(parentProblem(null, 'loner', nodeOf)).toBeNull();
    expect(parentProblem('loner', 'ks', nodeOf)).toBeNull();
    expect(parentProblem('ekonomi', 'kommun', nodeOf)).toBeNull();
  });

  it('refuses the unit itself, a missing or archived parent, and a parent below the unit', () => {
    expect(parentProblem('ks', 'ks', nodeOf)).toBe('self');
    expect(parentProblem(null, 'finns-inte', nodeOf)).toBe('missing');
    expect(parentProblem('ks', 'gammal', nodeOf)).toBe('archived');
    expect(parentProblem('ks', 'loner', nodeOf)).toBe('below');
    expect(parentProblem('kommun', 'ekonomi', nodeOf)).toBe('below');
  });

  it('ends its walk at a loop already in the data', () => {
    const loop: Record<string, TreeNode> = {
      a: { parentId: 'b', active: true },
      b: { parentId: 'a', active: true },
      c: { parentId: null, active: true },
    };
    expect(parentProblem('c', 'a', (id) => loop[id])).toBeNull();
  });
});
