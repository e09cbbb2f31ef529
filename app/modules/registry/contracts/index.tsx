import { IconBuildingStore, IconFileCertificate } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { ContractPage } from './ContractPage.tsx';
import { ContractsPage, validateContractsSearch } from './ContractsPage.tsx';
import { SupplierLink } from './parts.tsx';
import { SupplierPage } from './SupplierPage.tsx';
import { SuppliersPage, validateSuppliersSearch } from './SuppliersPage.tsx';

// Suppliers and contracts on the web app's seam: their lists and pages, the global search, the
// audit trail, and the owner's contracts on the start page. A system's page gets this part's
// sections through ../systems/sections.tsx.

export const contractsPart: ClientPart = {
  name: 'contracts',
  nav: [
    {
      to: '/suppliers',
      label: 'registry.contracts.suppliersNav',
      icon: IconBuildingStore,
      group: 'registrySuppliers',
    },
    {
      to: '/contracts',
      label: 'registry.contracts.contractsNav',
      icon: IconFileCertificate,
      group: 'registrySuppliers',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/suppliers',
      validateSearch: validateSuppliersSearch,
      component: SuppliersPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/suppliers/$supplierId', component: SupplierPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/contracts',
      validateSearch: validateContractsSearch,
      component: ContractsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/contracts/$contractId', component: ContractPage }),
  ],
  search: [
    { section: 'suppliers', label: 'registry.contracts.suppliers.searchSection', icon: IconBuildingStore },
    { section: 'contracts', label: 'registry.contracts.contracts.searchSection', icon: IconFileCertificate },
  ],
  startSections: [{ section: 'contracts', label: 'registry.contracts.contracts.startSection' }],
  audit: [
    { entity: 'supplier', label: 'registry.contracts.suppliers.auditEntity' },
    { entity: 'contract', label: 'registry.contracts.contracts.auditEntity' },
    { entity: 'licence', label: 'registry.contracts.licences.auditEntity' },
    { entity: 'systemCosts', label: 'registry.contracts.costs.auditEntity' },
  ],
  auditFields: {
    supplierId: (value) => <SupplierLink id={String(value)} />,
  },
};
