import type { MapNode } from '../../../../shared/registry/integrations.ts';
import type { SystemScope } from '../../../../shared/registry/systems.ts';

// The system map's layout, computed in the browser and deterministic (the same map always looks
// the same, so people find their systems where they left them): a block per scope (shared,
// business, platform), in it a group per category in name order, each group in columns of at most
// ROWS systems in name order. No force simulation: with hundreds of nodes it is slow and moves
// everything whenever one system is added.

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 30;
const ROWS = 20;
const COLUMN = NODE_WIDTH + 40;
const ROW = NODE_HEIGHT + 14;
const GROUP_GAP = 60;
const SCOPE_GAP = 160;
const LABEL_HEIGHT = 40;

const scopeOrder: Record<SystemScope, number> = { shared: 0, business: 1, platform: 2 };

export interface Placed {
  id: string;
  x: number;
  y: number;
}

export interface GroupLabel {
  key: string;
  scope: SystemScope;
  category: string | null;
  x: number;
  y: number;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');

export function layoutMap(nodes: readonly MapNode[]): { placed: Placed[]; labels: GroupLabel[] } {
  const groups = new Map<string, { scope: SystemScope; category: string | null; nodes: MapNode[] }>();
  for (const node of nodes) {
    const key = `${node.scope}\u0000${node.category ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { scope: node.scope, category: node.category, nodes: [] };
      groups.set(key, group);
    }
    group.nodes.push(node);
  }
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) =>
      scopeOrder[a.scope] - scopeOrder[b.scope] ||
      (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0) ||
      (a.category ?? '').localeCompare(b.category ?? '', 'sv'),
  );
  const placed: Placed[] = [];
  const labels: GroupLabel[] = [];
  let x = 0;
  let scope: SystemScope | null = null;
  for (const [key, group] of ordered) {
    if (scope !== null && group.scope !== scope) x += SCOPE_GAP - GROUP_GAP;
    scope = group.scope;
    labels.push({ key, scope: group.scope, category: group.category, x, y: 0 });
    group.nodes.sort(byName);
    group.nodes.forEach((node, i) => {
      placed.push({ id: node.id, x: x + Math.floor(i / ROWS) * COLUMN, y: LABEL_HEIGHT + (i % ROWS) * ROW });
    });
    x += Math.ceil(group.nodes.length / ROWS) * COLUMN + GROUP_GAP;
  }
  return { placed, labels };
}
