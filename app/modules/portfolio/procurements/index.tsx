import { IconGavel } from '@tabler/icons-react';
import type { ClientPart } from '../../../platform/module-parts.ts';

// Procurements (LOU): the list, a procurement's page and the re-procurement plan.

export const procurementsPart: ClientPart = {
  name: 'procurements',
  search: [{ section: 'procurements', label: 'portfolio.procurements.searchSection', icon: IconGavel }],
  startSections: [{ section: 'reprocurementStarts', label: 'portfolio.procurements.startSection' }],
  audit: [
    { entity: 'procurement', label: 'portfolio.procurements.auditEntity' },
    { entity: 'procurementSettings', label: 'portfolio.procurements.auditSettings' },
  ],
};
