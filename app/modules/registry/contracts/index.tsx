import { IconBuildingStore, IconFileCertificate } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { SupplierLink } from './parts.tsx';
import { validateContractsSearch, validateSuppliersSearch } from './search.ts';

// Suppliers and contracts on the web app's seam: their lists and pages, the global search, the
// audit trail, and the owner's contracts on the start page. A system's page gets this part's
// sections through ../systems/sections.tsx.

export const contractsPart: ClientPart = {
  name: 'contracts',
  serverMessages: {
    'A contract until further notice has no extensions': 'registry.contracts.serverMessage.noExtensions',
    'A cost needs its period (month or year)': 'registry.contracts.serverMessage.costPeriod',
    'Extensions cannot end before the contract does': 'registry.contracts.serverMessage.extensionsEnd',
    'More in use than licensed': 'registry.contracts.serverMessage.overLicensed',
    'No costs are recorded for the year yet; send no version': 'registry.contracts.serverMessage.noCostsYet',
    'No such active contract': 'registry.contracts.serverMessage.noActiveContract',
    'Only a signed agreement has a date of signing': 'registry.contracts.serverMessage.signedOnly',
    'The contract cannot end before it starts': 'registry.contracts.serverMessage.endBeforeStart',
    'The contract is archived; restore it first': 'registry.contracts.serverMessage.contractArchived',
    'The licence cannot end before it starts': 'registry.contracts.serverMessage.licenceEndBeforeStart',
    'The licence is archived; restore it first': 'registry.contracts.serverMessage.licenceArchived',
    'The notice period is longer than the contract': 'registry.contracts.serverMessage.noticeTooLong',
    'The shares must add up to 100 percent': 'registry.contracts.serverMessage.sharesSum',
    'Must be a valid organisationsnummer (NNNNNN-NNNN)': 'registry.contracts.serverMessage.orgNumber',
    'The supplier is archived; restore it first': 'registry.contracts.serverMessage.supplierArchived',
  },
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
      component: lazyRouteComponent(() => import('./SuppliersPage.tsx'), 'SuppliersPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/suppliers/$supplierId',
      component: lazyRouteComponent(() => import('./SupplierPage.tsx'), 'SupplierPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/contracts',
      validateSearch: validateContractsSearch,
      component: lazyRouteComponent(() => import('./ContractsPage.tsx'), 'ContractsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/contracts/$contractId',
      component: lazyRouteComponent(() => import('./ContractPage.tsx'), 'ContractPage'),
    }),
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
