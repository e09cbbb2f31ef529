import type { Messages } from '../../../platform/seam.ts';
import type { sv } from './sv.ts';

// English messages of the IT plans (t('governance.plans.…')).
export const en: Messages<typeof sv> = {
  nav: 'IT plan',
  title: 'IT plans',
  description:
    "Initiatives towards the IT strategy's goals, with who answers, status, dates, cost and decision.",
  listTitle: 'Plans',
  none: 'No IT plans yet.',
  searchSection: 'IT plans',
  auditEntity: 'IT plan',
  details: 'Details',
  initiativesCaption: 'Initiatives of {{name}}',
  actions: 'Actions',
  followUp: 'Follow up',
  followUpTitle: 'Follow up “{{name}}”',
  outcomeKronor: 'Outcome (SEK)',
  project: 'The project',
  status: {
    planned: 'Planned',
    inProgress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
  },
  field: {
    years: 'Years',
    title: 'Plan',
    decision: 'Decision',
    initiatives: 'Initiatives',
    initiative: 'Initiative',
    status: 'Status',
    goals: 'Goals',
    responsible: 'Responsible',
    dates: 'Period',
    plannedCost: 'Planned cost',
    statusNote: 'Note',
    outcomeCost: 'Outcome',
  },
  archivedTitle: 'The plan was archived on {{date}}',
  archiveTitle: 'Archive “{{name}}”',
  archiveHelp: 'An archived plan is not shown in the follow-up but can be restored.',
  serverMessage: {
    archived: 'The plan is archived. Restore it first.',
    noGoal: 'No such goal.',
    noInitiative: 'The initiative does not belong to the plan.',
    endYear: 'The end year is before the year.',
    ends: 'The initiative ends before it starts.',
  },
};
