import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { forums } from '../../governance/forums/schema.ts';
import { meetings } from '../../governance/meetings/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { demands } from '../demands/schema.ts';

// Projects of the portfolio, their status reports and deviations. Only ./service.ts writes them.
// A project's budget years, milestones and risks change with the project (one version) and are
// read with it, so they are kept on its row as JSON; the ids they name (risk owners) are checked
// by the service. `demand_id` names the decided demand the project carries out (demands/).

export interface BudgetYear {
  year: number;
  investment: number | null;
  running: number | null;
  investmentOutcome: number | null;
  runningOutcome: number | null;
}
export interface Milestone {
  id: string;
  name: string;
  plannedOn: string | null;
  doneOn: string | null;
}
export interface Risk {
  id: string;
  description: string;
  probability: number;
  consequence: number;
  mitigation: string | null;
  ownerId: string | null;
}

export const projects = pgTable(
  'portfolio_projects',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    /** shared/portfolio/projects.ts projectPhases. */
    phase: text('phase').notNull().default('preStudy'),
    demandId: uuid('demand_id'),
    /** An initiative of a governance IT plan (checked on write; a plan may drop it later). */
    initiativeId: uuid('initiative_id'),
    managerId: uuid('manager_id'),
    steeringGroupId: uuid('steering_group_id'),
    unitId: uuid('unit_id'),
    systemIds: uuid('system_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    reportCadence: text('report_cadence').notNull().default('monthly'),
    /** Derived on write: the last day of the period whose report is due next. */
    nextReportOn: date('next_report_on'),
    budget: jsonb('budget').$type<BudgetYear[]>().notNull().default([]),
    milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
    risks: jsonb('risks').$type<Risk[]>().notNull().default([]),
    handoverSystemId: uuid('handover_system_id'),
    handedOverAt: ts('handed_over_at'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.managerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({
      columns: [t.tenantId, t.steeringGroupId],
      foreignColumns: [forums.tenantId, forums.id],
    }),
    foreignKey({ columns: [t.tenantId, t.demandId], foreignColumns: [demands.tenantId, demands.id] }),
    foreignKey({
      columns: [t.tenantId, t.handoverSystemId],
      foreignColumns: [systems.tenantId, systems.id],
    }),
    index('portfolio_projects_list_idx').on(t.tenantId, t.sortName, t.id),
    index('portfolio_projects_manager_idx').on(t.tenantId, t.managerId),
    index('portfolio_projects_forum_idx').on(t.tenantId, t.steeringGroupId),
    index('portfolio_projects_report_idx').on(t.tenantId, t.nextReportOn),
    index('portfolio_projects_systems_idx').using('gin', t.systemIds),
    // The portfolio's timeline (views/): the projects of a period.
    index('portfolio_projects_period_idx').on(t.tenantId, t.startsOn, t.endsOn),
  ],
);

export const statusReports = pgTable(
  'portfolio_status_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    time: text('time').notNull(),
    timeNote: text('time_note'),
    cost: text('cost').notNull(),
    costNote: text('cost_note'),
    scope: text('scope').notNull(),
    scopeNote: text('scope_note'),
    summary: text('summary'),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    index('portfolio_status_reports_project_idx').on(t.tenantId, t.projectId, t.periodTo),
  ],
);

export const deviations = pgTable(
  'portfolio_deviations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    title: text('title').notNull(),
    consequence: text('consequence'),
    proposedAction: text('proposed_action'),
    needsDecision: boolean('needs_decision').notNull(),
    /** The project's steering group when it was raised: the forum it waits for. */
    forumId: uuid('forum_id'),
    /** The meeting whose agenda took it; null while it waits. */
    meetingId: uuid('meeting_id'),
    raisedBy: uuid('raised_by'),
    raisedByName: text('raised_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    index('portfolio_deviations_project_idx').on(t.tenantId, t.projectId, t.createdAt),
    index('portfolio_deviations_forum_idx').on(t.tenantId, t.forumId),
    // The portfolio report's latest deviations (views/).
    index('portfolio_deviations_latest_idx').on(t.tenantId, t.createdAt),
  ],
);
