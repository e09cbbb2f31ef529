import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ScaleLevels } from '../../../../shared/registry/classification.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../systems/schema.ts';

// Information classification (KLASSA): the tenant's own versions of the consequence scale, and the
// classifications of systems and their information sets. Only ./service.ts writes them.

/**
 * The tenant's versions of the scale's wording, 2 and on (version 1 is the default in code,
 * ./default-scale.ts). Versions are never changed or removed: a classification names the version
 * it was made on, and that wording must still be there to read.
 */
export const classificationScales = pgTable(
  'registry_classification_scales',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: integer('version').notNull(),
    levels: jsonb('levels').$type<ScaleLevels>().notNull(),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  // The key makes two editors saving on the same version a conflict, not two version 3s.
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

export const classifications = pgTable(
  'registry_classifications',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    systemId: uuid('system_id').notNull(),
    informationSet: text('information_set'),
    /** One active classification per system and information set, whatever the case or spacing. */
    informationSetKey: text('information_set_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(lower(btrim("information_set")), '')`),
    confidentiality: integer('confidentiality').notNull(),
    integrity: integer('integrity').notNull(),
    availability: integer('availability').notNull(),
    traceability: integer('traceability'),
    /** The highest level in any dimension: the level-4 filter and the protection-analysis flag. */
    maxLevel: integer('max_level')
      .notNull()
      .generatedAlwaysAs(
        sql`greatest("confidentiality", "integrity", "availability", coalesce("traceability", 0))`,
      ),
    motivation: text('motivation').notNull(),
    scaleVersion: integer('scale_version').notNull(),
    classifiedById: uuid('classified_by_id'),
    classifiedByName: text('classified_by_name').notNull(),
    classifiedOn: date('classified_on').notNull(),
    nextReviewOn: date('next_review_on').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // KLASSA's scale has five steps; the database refuses any other level, whoever writes.
    check(
      'registry_classifications_levels_check',
      sql`${t.confidentiality} between 0 and 4 and ${t.integrity} between 0 and 4 and ${t.availability} between 0 and 4 and coalesce(${t.traceability}, 0) between 0 and 4`,
    ),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    uniqueIndex('registry_classifications_active_set_idx')
      .on(t.tenantId, t.systemId, t.informationSetKey)
      .where(sql`"archived_at" is null`),
    index('registry_classifications_system_idx').on(t.tenantId, t.systemId, t.informationSetKey, t.id),
    index('registry_classifications_review_idx').on(t.tenantId, t.nextReviewOn, t.id),
    index('registry_classifications_level_idx')
      .on(t.tenantId, t.maxLevel, t.systemId)
      .where(sql`"archived_at" is null`),
  ],
);
