import type { Messages } from '../../../platform/seam.ts';
import type { sv } from './sv.ts';

// English messages of procurements (t('portfolio.procurements.…')).
export const en: Messages<typeof sv> = {
  nav: 'Procurements',
  searchSection: 'Procurements',
  auditEntity: 'Procurement',
  auditSettings: 'Procurement settings',
  startSection: 'Re-procurements that need to start',
};
