// The one rule of the unit tree, for the service (one unit moved) and the import (a whole file):
// a parent must exist and be active, and a unit cannot be its own ancestor. Pure: the caller says
// how to find a unit's parent, from the ancestor chain the service loads or from the tree as it
// will be after an import.

export interface TreeNode {
  parentId: string | null;
  active: boolean;
}

/** self: the unit itself; missing / archived: the parent; below: the parent is below the unit. */
export type TreeProblem = 'self' | 'missing' | 'archived' | 'below';

/**
 * What is wrong with giving `unitId` (null for a unit not yet created) the parent `parentId`, or
 * null when nothing is. `nodeOf` answers for every unit on the way up from the parent.
 */
export function parentProblem(
  unitId: string | null,
  parentId: string,
  nodeOf: (id: string) => TreeNode | undefined,
): TreeProblem | null {
  if (parentId === unitId) return 'self';
  const parent = nodeOf(parentId);
  if (!parent) return 'missing';
  if (!parent.active) return 'archived';
  if (unitId === null) return null;
  // Walk up from the parent; a loop that is already there (it cannot be, but data is data) ends
  // the walk rather than the process.
  const seen = new Set<string>();
  for (let up: string | null = parentId; up !== null; up = nodeOf(up)?.parentId ?? null) {
    if (up === unitId) return 'below';
    if (seen.has(up)) break;
    seen.add(up);
  }
  return null;
}

/** The messages of the API (the web app translates them by their text: app/platform/errors.tsx). */
export const parentMessages: Record<TreeProblem, string> = {
  self: 'A unit cannot be its own parent',
  missing: 'No such active unit',
  archived: 'No such active unit',
  below: 'A unit cannot be moved below itself',
};
