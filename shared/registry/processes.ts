import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';

// The process tree of the system register (KLASSA 2.1: verksamhetstyp → verksamhetsområde →
// processgrupp → process), the spine that systems, record types and classifications hang on.

/** The four levels, top to bottom: a node's parent is always one level up. */
export const processLevels = ['activityType', 'area', 'group', 'process'] as const;
export type ProcessLevel = (typeof processLevels)[number];

/** The level a child of `level` has (null below a process: a process has no children). */
export function childLevel(level: ProcessLevel): ProcessLevel | null {
  return processLevels[processLevels.indexOf(level) + 1] ?? null;
}

/** The level a parent of `level` has (null for a verksamhetstyp, which is a root). */
export function parentLevel(level: ProcessLevel): ProcessLevel | null {
  const i = processLevels.indexOf(level);
  return i > 0 ? processLevels[i - 1]! : null;
}

/** A classification code: segments of letters and digits separated by dots, `3.2.1`. */
export const processCode = requiredLine(30).pipe(
  z.string().regex(/^[0-9A-Za-zÅÄÖåäö]+(\.[0-9A-Za-zÅÄÖåäö]+)*$/, {
    message: 'Must be segments of letters and digits separated by dots, e.g. 3.2.1',
  }),
);

/**
 * The order of codes as people read them: 3.2 before 3.10. Digit runs are padded to eight places,
 * so plain byte order of the key is the natural order of the codes.
 */
export function codeSortKey(code: string): string {
  return code
    .toLowerCase()
    .split('.')
    .map((segment) => segment.replace(/\d+/g, (digits) => digits.padStart(8, '0')))
    .join('.');
}

export const processCreate = z.strictObject({
  /** The node above; none for a verksamhetstyp. */
  parentId: id.nullable().optional(),
  level: z.enum(processLevels),
  code: processCode,
  name: requiredLine(200),
  description: multiline(4000).nullable().optional(),
});
export type ProcessCreate = z.infer<typeof processCreate>;

export const processUpdate = z.strictObject({
  version,
  code: processCode.optional(),
  name: requiredLine(200).optional(),
  description: multiline(4000).nullable().optional(),
});
export type ProcessUpdate = z.infer<typeof processUpdate>;

/** Move a node under another parent of the level above its own (null: a verksamhetstyp's root). */
export const processMove = z.strictObject({ version, parentId: id.nullable() });
export type ProcessMove = z.infer<typeof processMove>;

export const processPermissions = permissions(['update', 'move', 'archive', 'restore', 'readHistory']);

export const processNode = z.object({
  id,
  parentId: id.nullable(),
  level: z.enum(processLevels),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Loaded from the reference structure (POST /api/v1/processes/reference), not made by hand. */
  fromReference: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: processPermissions,
});
export type ProcessNode = z.infer<typeof processNode>;

/** A node of the whole tree, with how many systems and record types hang on it. */
export const processTreeNode = processNode.extend({
  systemCount: z.number().int(),
  recordTypeCount: z.number().int(),
});
export type ProcessTreeNode = z.infer<typeof processTreeNode>;

export const processTree = z.object({ items: z.array(processTreeNode), canManage: z.boolean() });
export type ProcessTree = z.infer<typeof processTree>;

/** The orders of the processes' list (by code by default); each pages by keyset on its own key. */
export const processSorts = ['code', 'name', 'level'] as const;
export type ProcessSort = (typeof processSorts)[number];

export const processListQuery = listQuery.extend({
  sort: z.enum(processSorts).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Children of this node. */
  parentId: id.optional(),
  level: z.enum(processLevels).optional(),
});
export type ProcessListQuery = z.infer<typeof processListQuery>;

export const processTreeQuery = z.strictObject({
  includeArchived: listQuery.shape.includeArchived,
});

export const referenceLoadResult = z.object({ created: z.number().int() });

/** A process as other records name it. */
export const processRef = z.object({
  id,
  code: z.string(),
  name: z.string(),
  level: z.enum(processLevels),
  archived: z.boolean(),
});
export type ProcessRef = z.infer<typeof processRef>;

/** The processes a system supports, replaced as a set; `version` (optional) is the system's. */
export const systemProcessesBody = z.strictObject({
  processIds: z.array(id).max(500),
  version: version.optional(),
});
export type SystemProcessesBody = z.infer<typeof systemProcessesBody>;

export const systemProcesses = z.object({
  systemId: id,
  processes: z.array(processRef),
  canUpdate: z.boolean(),
});
export type SystemProcesses = z.infer<typeof systemProcesses>;

/** The systems that support a process. */
export const processSystems = z.object({
  items: z.array(z.object({ id, name: z.string(), archived: z.boolean() })),
});
export type ProcessSystems = z.infer<typeof processSystems>;
