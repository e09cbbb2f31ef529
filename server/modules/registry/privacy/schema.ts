import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';

// The GDPR Article 30 register: processing activities (behandlingar) and the systems each runs in.
// Only ./service.ts writes them. Tenant tables key on (tenant_id, id) and every reference carries
// tenant_id, so the database itself refuses a controller, person or system of another tenant.

const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const processingActivities = pgTable(
  'registry_processing_activities',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    controllerId: uuid('controller_id').notNull(),
    controllerContactId: uuid('controller_contact_id'),
    dpoId: uuid('dpo_id'),
    purposes: textList('purposes'),
    legalBasis: text('legal_basis').notNull(),
    legalBasisReference: text('legal_basis_reference'),
    dataSubjectCategories: textList('data_subject_categories'),
    personalDataCategories: textList('personal_data_categories'),
    sensitiveData: boolean('sensitive_data').notNull().default(false),
    sensitiveDataBasis: text('sensitive_data_basis'),
    criminalData: boolean('criminal_data').notNull().default(false),
    criminalDataBasis: text('criminal_data_basis'),
    personalIdentityNumbers: boolean('personal_identity_numbers').notNull().default(false),
    estimatedDataSubjects: integer('estimated_data_subjects'),
    recipients: textList('recipients'),
    thirdCountryTransfer: boolean('third_country_transfer').notNull().default(false),
    thirdCountries: textList('third_countries'),
    transferSafeguard: text('transfer_safeguard'),
    transferSafeguardNote: text('transfer_safeguard_note'),
    retention: text('retention'),
    securityMeasures: text('security_measures'),
    dpiaRequired: boolean('dpia_required').notNull().default(false),
    dpiaDate: date('dpia_date'),
    dpiaResult: text('dpia_result'),
    automatedDecisions: boolean('automated_decisions').notNull().default(false),
    automatedDecisionsDescription: text('automated_decisions_description'),
    processorId: uuid('processor_id'),
    processorAgreementStatus: text('processor_agreement_status'),
    processorAgreementReference: text('processor_agreement_reference'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.controllerId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({
      columns: [t.tenantId, t.controllerContactId],
      foreignColumns: [people.tenantId, people.id],
    }),
    foreignKey({ columns: [t.tenantId, t.dpoId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.processorId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    index('registry_processing_list_idx').on(t.tenantId, t.sortName, t.id),
    // The printable page per controller and the controller filter read in name order.
    index('registry_processing_controller_idx').on(t.tenantId, t.controllerId, t.sortName, t.id),
    // The DPO's follow-up filters: sensitive data, DPIA, third-country transfers (few rows each).
    index('registry_processing_sensitive_idx').on(t.tenantId, t.sortName, t.id).where(sql`sensitive_data`),
    index('registry_processing_dpia_idx').on(t.tenantId, t.sortName, t.id).where(sql`dpia_required`),
    index('registry_processing_third_country_idx')
      .on(t.tenantId, t.sortName, t.id)
      .where(sql`third_country_transfer`),
    // The list sorted by last change pages on it.
    index('registry_processing_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('registry_processing_processor_idx').on(t.tenantId, t.processorId),
    index('registry_processing_contact_idx').on(t.tenantId, t.controllerContactId),
    index('registry_processing_dpo_idx').on(t.tenantId, t.dpoId),
  ],
);

/** A system a processing activity runs in (many to many). */
export const processingActivitySystems = pgTable(
  'registry_processing_activity_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    activityId: uuid('activity_id').notNull(),
    systemId: uuid('system_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.activityId, t.systemId] }),
    foreignKey({
      columns: [t.tenantId, t.activityId],
      foreignColumns: [processingActivities.tenantId, processingActivities.id],
    }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('registry_processing_systems_system_idx').on(t.tenantId, t.systemId),
  ],
);
