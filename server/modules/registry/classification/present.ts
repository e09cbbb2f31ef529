import type {
  Classification,
  Scale,
  ScaleVersion,
  SystemClassification,
} from '../../../../shared/registry/classification.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { ClassificationWithSystem, ScaleRecord, SystemLevels } from './service.ts';
import { today } from './service.ts';

// Rows → API shapes for a reader. Levels and motivations are secret under OSL: a reader who may not
// read them (registryPolicy.readClassification, per system) gets nulls and `restricted: true`, and
// learns only that the classification exists, what it covers and when it is due for review. Every
// route that answers a classification goes through here.

export function presentScaleVersion(scale: ScaleRecord): ScaleVersion {
  return {
    version: scale.version,
    levels: scale.levels,
    isDefault: scale.isDefault,
    createdAt: scale.createdAt ? iso(scale.createdAt) : null,
    createdByName: scale.createdByName,
  };
}

export function presentScale(scale: ScaleRecord, reader: Actor): Scale {
  return { ...presentScaleVersion(scale), can: { update: registryPolicy.editClassificationScale(reader) } };
}

export function presentClassification(
  row: ClassificationWithSystem,
  reader: Actor,
  on = today(),
): Classification {
  const open = registryPolicy.readClassification(reader, row.systemId);
  const active = row.archivedAt === null;
  const classify = registryPolicy.classify(reader, row.systemId);
  return {
    id: row.id,
    systemId: row.systemId,
    systemName: row.systemName,
    informationSet: row.informationSet,
    restricted: !open,
    confidentiality: open ? row.confidentiality : null,
    integrity: open ? row.integrity : null,
    availability: open ? row.availability : null,
    traceability: open ? row.traceability : null,
    motivation: open ? row.motivation : null,
    scaleVersion: row.scaleVersion,
    classifiedById: row.classifiedById,
    classifiedByName: row.classifiedByName,
    classifiedOn: row.classifiedOn,
    nextReviewOn: row.nextReviewOn,
    overdue: active && row.nextReviewOn < on,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: classify && active,
      archive: classify && active,
      restore: classify && !active,
      readHistory: registryPolicy.readHistory(reader),
    },
  };
}

export function presentSystemClassification(
  systemId: string,
  levels: SystemLevels | undefined,
  reader: Actor,
  options: { active: boolean },
): SystemClassification {
  const open = registryPolicy.readClassification(reader, systemId);
  const show = (value: number | null | undefined) => (open && levels ? (value ?? null) : null);
  const max = levels
    ? Math.max(
        levels.confidentiality ?? 0,
        levels.integrity ?? 0,
        levels.availability ?? 0,
        levels.traceability ?? 0,
      )
    : 0;
  return {
    systemId,
    classified: levels !== undefined,
    restricted: !open,
    confidentiality: show(levels?.confidentiality),
    integrity: show(levels?.integrity),
    availability: show(levels?.availability),
    traceability: show(levels?.traceability),
    needsProtectionAnalysis: open ? max >= 4 : null,
    nextReviewOn: levels?.nextReviewOn ?? null,
    overdue: levels?.nextReviewOn ? levels.nextReviewOn < today() : false,
    can: { classify: registryPolicy.classify(reader, systemId) && options.active },
  };
}
