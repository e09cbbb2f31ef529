import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../systems/schema.ts';

// Integrations between systems: the edges of the system map. Only ./service.ts writes them. The
// receiving system (to) depends on the sending one (from); a two-way integration both ways.

export const integrations = pgTable(
  'registry_integrations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    fromSystemId: uuid('from_system_id').notNull(),
    toSystemId: uuid('to_system_id').notNull(),
    information: text('information').notNull(),
    sortInformation: text('sort_information').notNull().generatedAlwaysAs(sortKey(sql`"information"`)),
    technique: text('technique').notNull(),
    direction: text('direction').notNull().default('oneWay'),
    frequency: text('frequency'),
    // The frequency as a rank kept by the database, so that the list sorted by it is in its real
    // order (realtime … on demand, none last) and pages by keyset on a value that is never null.
    frequencyRank: integer('frequency_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "frequency" when 'realtime' then 0 when 'hourly' then 1 when 'daily' then 2 when 'weekly' then 3 when 'monthly' then 4 when 'onDemand' then 5 else 6 end`,
      ),
    ownerId: uuid('owner_id'),
    personalData: boolean('personal_data').notNull().default(false),
    critical: boolean('critical').notNull().default(false),
    description: text('description'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fromSystemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.toSystemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    // A system does not integrate with itself; the service says so first, naming the field.
    check('registry_integrations_not_self', sql`${t.fromSystemId} <> ${t.toSystemId}`),
    // The list in information order, and its filters.
    index('registry_integrations_list_idx').on(t.tenantId, t.sortInformation, t.id),
    // A technique sorts by its value, which is also the order of its Swedish names (API, Databas,
    // Fil, Manuell, Meddelande).
    index('registry_integrations_technique_idx').on(t.tenantId, t.technique, t.sortInformation, t.id),
    index('registry_integrations_frequency_idx').on(t.tenantId, t.frequencyRank, t.sortInformation, t.id),
    index('registry_integrations_personal_idx')
      .on(t.tenantId, t.sortInformation, t.id)
      .where(sql`personal_data`),
    index('registry_integrations_critical_idx').on(t.tenantId, t.sortInformation, t.id).where(sql`critical`),
    index('registry_integrations_owner_idx').on(t.tenantId, t.ownerId),
    // The impact analysis walks live edges forward (from → to, also the map's edges) and live
    // two-way ones backward too. Partial, so archived and one-way edges cost those walks nothing;
    // the list's "either end" filter has the two full ones below, which also walk one system's
    // integrations in the list's order within it (the list sorted by sending or receiving system).
    index('registry_integrations_from_idx')
      .on(t.tenantId, t.fromSystemId, t.toSystemId)
      .where(sql`archived_at is null`),
    index('registry_integrations_to_both_idx')
      .on(t.tenantId, t.toSystemId, t.fromSystemId)
      .where(sql`archived_at is null and direction = 'bothWays'`),
    index('registry_integrations_from_all_idx').on(t.tenantId, t.fromSystemId, t.sortInformation, t.id),
    index('registry_integrations_to_all_idx').on(t.tenantId, t.toSystemId, t.sortInformation, t.id),
  ],
);
