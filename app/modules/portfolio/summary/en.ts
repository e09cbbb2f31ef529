import type { Messages } from '../../../platform/seam.ts';
import type { sv } from './sv.ts';

export const en: Messages<typeof sv> = {
  nav: 'Portfolio overview',
  title: 'Portfolio overview',
  description: 'Demands, projects and procurements in figures.',
  demands: 'Demands ({{count}})',
  approved: 'Approved or under way',
  yearlySavings: 'Promised savings a year',
  hoursFreed: 'Promised hours freed a year',
  investment: 'Approved investment',
  projects: 'Projects ({{count}})',
  latest: 'Latest status report: {{level}}',
  unreported: 'No status report yet',
  overdue: 'Status report overdue',
  budgetInvestment: 'Investment budget {{year}}',
  outcomeInvestment: 'Investment outcome {{year}}',
  budgetRunning: 'Running budget {{year}}',
  outcomeRunning: 'Running outcome {{year}}',
  procurements: 'Procurements ({{count}})',
  cancelledCost: 'Cost of cancelled procurements',
};
