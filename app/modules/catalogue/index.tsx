import {
  IconCalculator,
  IconCategory,
  IconChartBar,
  IconChartPie,
  IconDeviceLaptop,
  IconFileInvoice,
  IconListNumbers,
  IconReceipt,
  IconRepeat,
  IconReportMoney,
  IconShoppingCart,
  IconTags,
} from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
import { ORDER_LINKS } from '../desk/services/order-links.ts';
import { validateAssetsSearch, validateInvestmentsSearch } from './assets/search.ts';
import { validateConsumptionSearch } from './consumption/search.ts';
import { en } from './en.ts';
import { validateFiguresSearch } from './figures/search.ts';
import { validateOfferingsSearch } from './offerings/search.ts';
import { useCatalogueOrderLinks } from './orders/order-links.ts';
import { validateOrderSearch } from './orders/search.ts';
import { validateDisputesSearch, validateRunSearch } from './runs/search.ts';
import { sv } from './sv.ts';

// The catalogue on the web app's seam (issue 16): families → services → offerings with their rate
// cards, the price simulation for next year, and the units' switch from quality steering to
// billing; the offerings in the global search and the audit trail's names.

const offerings: ClientPart = {
  name: 'offerings',
  navGroups: [{ id: 'catalogue', label: 'catalogue.navGroup', order: 45 }],
  nav: [
    { to: '/catalogue/offerings', label: 'catalogue.offerings.nav', icon: IconTags, group: 'catalogue' },
    { to: '/catalogue/families', label: 'catalogue.families.nav', icon: IconCategory, group: 'catalogue' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/offerings',
      validateSearch: validateOfferingsSearch,
      component: lazyRouteComponent(() => import('./offerings/OfferingsPage.tsx'), 'OfferingsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/offerings/$offeringId',
      component: lazyRouteComponent(() => import('./offerings/OfferingPage.tsx'), 'OfferingPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/families',
      component: lazyRouteComponent(() => import('./offerings/FamiliesPage.tsx'), 'FamiliesPage'),
    }),
  ],
  search: [{ section: 'catalogueOfferings', label: 'catalogue.offerings.searchSection', icon: IconTags }],
  audit: [
    { entity: 'catalogueOffering', label: 'catalogue.offerings.auditEntity' },
    { entity: 'catalogueRateCard', label: 'catalogue.offerings.auditRateCard' },
    { entity: 'catalogueFamily', label: 'catalogue.families.auditEntity' },
    { entity: 'catalogueFamilyService', label: 'catalogue.families.auditService' },
  ],
  serverMessages: {
    'A price per unit and month names its unit': 'catalogue.serverMessage.priceUnit',
    'Only a price per unit and month has a price unit': 'catalogue.serverMessage.onlyPriceUnit',
    'Approval by a role names the role': 'catalogue.serverMessage.role',
    'Units are listed only when not every unit may order': 'catalogue.serverMessage.unitList',
    'A rate card starts on the first of a month': 'catalogue.serverMessage.startsOnMonth',
    'A yearly rate card starts on the 1st of January': 'catalogue.serverMessage.startsOnYear',
    'The offering already has a rate card from this date': 'catalogue.serverMessage.cardTaken',
    'A rate card has an internal price': 'catalogue.serverMessage.internalPrice',
    'A cost-covering offering is priced by its total cost for the year': 'catalogue.serverMessage.totalCost',
    'Only a cost-covering offering has a total cost': 'catalogue.serverMessage.onlyTotal',
  },
};

const simulation: ClientPart = {
  name: 'simulation',
  nav: [
    {
      to: '/catalogue/simulation',
      label: 'catalogue.simulation.nav',
      icon: IconCalculator,
      group: 'catalogue',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/simulation',
      component: lazyRouteComponent(() => import('./simulation/SimulationPage.tsx'), 'SimulationPage'),
    }),
  ],
};

const billing: ClientPart = {
  name: 'billing',
  nav: [{ to: '/catalogue/billing', label: 'catalogue.billing.nav', icon: IconReceipt, group: 'catalogue' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/billing',
      component: lazyRouteComponent(() => import('./billing/BillingPage.tsx'), 'BillingPage'),
    }),
  ],
  audit: [{ entity: 'catalogueBillingSwitch', label: 'catalogue.billing.auditEntity' }],
  serverMessages: {
    'The unit is already in this mode the day before': 'catalogue.serverMessage.sameMode',
    'The unit already switches on this date': 'catalogue.serverMessage.switchTaken',
  },
};

const orders: ClientPart = {
  name: 'orders',
  contributes: { [ORDER_LINKS]: useCatalogueOrderLinks },
  nav: [
    { to: '/catalogue/orders', label: 'catalogue.orders.nav', icon: IconShoppingCart, group: 'catalogue' },
    {
      to: '/catalogue/subscriptions',
      label: 'catalogue.subscriptions.nav',
      icon: IconRepeat,
      group: 'catalogue',
    },
    {
      to: '/catalogue/kontering',
      label: 'catalogue.kontering.nav',
      icon: IconListNumbers,
      group: 'catalogue',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/order',
      validateSearch: validateOrderSearch,
      component: lazyRouteComponent(() => import('./orders/OrderFormPage.tsx'), 'OrderFormPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/orders',
      component: lazyRouteComponent(() => import('./orders/OrdersPage.tsx'), 'OrdersPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/orders/$orderId',
      component: lazyRouteComponent(() => import('./orders/OrderPage.tsx'), 'OrderPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/subscriptions',
      component: lazyRouteComponent(() => import('./orders/SubscriptionsPage.tsx'), 'SubscriptionsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/kontering',
      component: lazyRouteComponent(() => import('./orders/KonteringPage.tsx'), 'KonteringPage'),
    }),
  ],
  startSections: [{ section: 'catalogueAttest', label: 'catalogue.orders.startSection' }],
  search: [{ section: 'catalogueOrders', label: 'catalogue.orders.searchSection', icon: IconShoppingCart }],
  audit: [
    { entity: 'catalogueOrder', label: 'catalogue.orders.auditEntity' },
    { entity: 'catalogueSubscription', label: 'catalogue.subscriptions.auditEntity' },
    { entity: 'catalogueKonteringCode', label: 'catalogue.orders.auditCode' },
  ],
  serverMessages: {
    'Choose a person or a unit': 'catalogue.serverMessage.chooseTarget',
    'Order this service in the service catalogue': 'catalogue.serverMessage.orderInCatalogue',
    'The unit may not order this offering': 'catalogue.serverMessage.unitMayNot',
    'External partners may not order this offering': 'catalogue.serverMessage.partnerMayNot',
    'The person belongs to no unit: choose the unit': 'catalogue.serverMessage.personNoUnit',
    "Not one of the unit's cost centres": 'catalogue.serverMessage.notCostCentre',
    "Not one of the unit's accounts": 'catalogue.serverMessage.notAccount',
    "Not one of the unit's activities or projects": 'catalogue.serverMessage.notActivity',
    "Not one of the unit's counterparts": 'catalogue.serverMessage.notCounterpart',
    'The delivery cannot be before the order': 'catalogue.serverMessage.deliveryBeforeOrder',
    'No active unit has this cost centre or name': 'catalogue.kontering.serverMessage.noUnit',
    "Only the unit's ekonom or an admin keeps its codes": 'catalogue.kontering.serverMessage.notKeeper',
    'Unknown dimension; use kostnadsställe, konto, aktivitet, motpart':
      'catalogue.kontering.serverMessage.dimension',
    'Must be ja or nej': 'catalogue.kontering.serverMessage.active',
    'The same unit, dimension and code is on an earlier line': 'catalogue.kontering.serverMessage.sameCode',
    'A code of the file was changed while it was imported: import it again':
      'catalogue.kontering.serverMessage.changedMeanwhile',
    'A code of the file was added by hand while it was imported: import it again':
      'catalogue.kontering.serverMessage.addedMeanwhile',
  },
};

// Allocation keys (fördelningsnycklar): shared costs spread by users, computers or fixed shares.
const allocations: ClientPart = {
  name: 'allocations',
  search: [
    { section: 'catalogueAllocations', label: 'catalogue.allocations.searchSection', icon: IconChartPie },
  ],
  nav: [
    {
      to: '/catalogue/allocations',
      label: 'catalogue.allocations.nav',
      icon: IconChartPie,
      group: 'catalogue',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/allocations',
      component: lazyRouteComponent(() => import('./allocations/AllocationsPage.tsx'), 'AllocationsPage'),
    }),
  ],
  audit: [{ entity: 'catalogueAllocation', label: 'catalogue.allocations.auditEntity' }],
  serverMessages: {
    'An offering or an account is required': 'catalogue.allocations.serverMessage.bookedOn',
    'Choose at least one unit': 'catalogue.allocations.serverMessage.chooseUnits',
    'Only a chosen spread names units': 'catalogue.allocations.serverMessage.onlyChosen',
    'A unit is named twice': 'catalogue.allocations.serverMessage.unitTwice',
    'A fixed key needs at least one share': 'catalogue.allocations.serverMessage.needsShares',
    'Only a fixed key has shares': 'catalogue.allocations.serverMessage.onlyFixed',
    'A unit has two shares': 'catalogue.allocations.serverMessage.twoShares',
  },
};

// The monthly chargeback run (debitering): the runs, a run's totals and lines per unit, the
// disputes and the tenant's proration.
const runs: ClientPart = {
  name: 'runs',
  search: [{ section: 'catalogueRuns', label: 'catalogue.runs.searchSection', icon: IconFileInvoice }],
  nav: [{ to: '/catalogue/runs', label: 'catalogue.runs.nav', icon: IconFileInvoice, group: 'catalogue' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/runs',
      component: lazyRouteComponent(() => import('./runs/RunsPage.tsx'), 'RunsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/runs/$runId',
      validateSearch: validateRunSearch,
      component: lazyRouteComponent(() => import('./runs/RunPage.tsx'), 'RunPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/runs/$runId/specification',
      validateSearch: validateRunSearch,
      component: lazyRouteComponent(() => import('./runs/SpecificationPage.tsx'), 'SpecificationPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/disputes',
      validateSearch: validateDisputesSearch,
      component: lazyRouteComponent(() => import('./runs/DisputesPage.tsx'), 'DisputesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/run-settings',
      component: lazyRouteComponent(() => import('./runs/RunSettingsPage.tsx'), 'RunSettingsPage'),
    }),
  ],
  audit: [
    { entity: 'catalogueRun', label: 'catalogue.runs.auditRun' },
    { entity: 'catalogueRunLine', label: 'catalogue.runs.auditLine' },
    { entity: 'catalogueDispute', label: 'catalogue.runs.auditDispute' },
    { entity: 'catalogueRunSettings', label: 'catalogue.runs.auditSettings' },
    { entity: 'catalogueExportSettings', label: 'catalogue.runs.auditExportSettings' },
  ],
  serverMessages: {
    'Must be a month (YYYY-MM)': 'catalogue.runs.serverMessage.period',
    'The run of this period is locked: corrections go into a later period':
      'catalogue.runs.serverMessage.locked',
    'The run is already locked': 'catalogue.runs.serverMessage.alreadyLocked',
    'Compute the preview before locking it': 'catalogue.runs.serverMessage.computeFirst',
    'Only a line of an earlier, locked period is corrected': 'catalogue.runs.serverMessage.correctWhich',
    'The line already comes to this amount': 'catalogue.runs.serverMessage.sameAmount',
    'Only a line of a locked period is disputed': 'catalogue.runs.serverMessage.disputeLocked',
    'The line is already disputed': 'catalogue.runs.serverMessage.alreadyDisputed',
    'More than the line’s amount': 'catalogue.runs.serverMessage.tooMuch',
    'The line has no amount to credit': 'catalogue.runs.serverMessage.nothing',
    'Only an accepted dispute credits an amount': 'catalogue.runs.serverMessage.onlyAccepted',
    'Only a locked run is exported to the finance system: lock the run first':
      'catalogue.runs.serverMessage.exportLocked',
    'The export settings are incomplete': 'catalogue.runs.serverMessage.exportIncomplete',
    'Some lines carry no account: set the default account in the export settings':
      'catalogue.runs.serverMessage.exportNoAccount',
    'No such unit': 'catalogue.runs.serverMessage.noSuchUnit',
    'Letters, digits and . _ - only': 'catalogue.runs.serverMessage.codeChars',
  },
};

const assets: ClientPart = {
  name: 'assets',
  nav: [
    { to: '/catalogue/assets', label: 'catalogue.assets.nav', icon: IconDeviceLaptop, group: 'catalogue' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/assets',
      validateSearch: validateAssetsSearch,
      component: lazyRouteComponent(() => import('./assets/AssetsPage.tsx'), 'AssetsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/assets/$assetId',
      component: lazyRouteComponent(() => import('./assets/AssetPage.tsx'), 'AssetPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/investments',
      validateSearch: validateInvestmentsSearch,
      component: lazyRouteComponent(() => import('./assets/InvestmentsPage.tsx'), 'InvestmentsPage'),
    }),
  ],
  search: [{ section: 'catalogueAssets', label: 'catalogue.assets.searchSection', icon: IconDeviceLaptop }],
  audit: [
    { entity: 'catalogueAsset', label: 'catalogue.assets.auditEntity' },
    { entity: 'catalogueInvestmentBudget', label: 'catalogue.assets.auditBudget' },
  ],
  serverMessages: {
    'Another active asset has this serial number': 'catalogue.serverMessage.serialTaken',
    'An active asset has this serial number already': 'catalogue.serverMessage.serialTaken',
    'The asset is issued: return it before it is scrapped': 'catalogue.serverMessage.returnBeforeScrap',
    'The asset is issued: return it before archiving': 'catalogue.serverMessage.returnBeforeArchive',
    'On or before the last return: the periods would overlap': 'catalogue.serverMessage.issueOverlap',
    'Before the asset was purchased': 'catalogue.serverMessage.beforePurchase',
    'Before the asset was issued': 'catalogue.serverMessage.beforeIssue',
    'Before the asset was returned': 'catalogue.serverMessage.beforeReturn',
    'The asset was issued before this date': 'catalogue.serverMessage.issuedBefore',
    'No such active offering': 'catalogue.serverMessage.noOffering',
    'The offering is not priced by the month': 'catalogue.serverMessage.notMonthly',
    'No such active unit': 'catalogue.serverMessage.noUnit',
    'No such active person': 'catalogue.serverMessage.noPerson',
    'No active offering has this name': 'catalogue.serverMessage.noOfferingName',
    'No active unit by this cost centre or name': 'catalogue.serverMessage.noUnitName',
    'No active person has this email': 'catalogue.serverMessage.noPersonEmail',
    'An issued asset needs the unit that rents it': 'catalogue.serverMessage.issuedNeedsUnit',
  },
};

// Consumption imported from the source systems: a month's totals per offering and rows per unit.
const consumption: ClientPart = {
  name: 'consumption',
  nav: [
    {
      to: '/catalogue/consumption',
      label: 'catalogue.consumption.nav',
      icon: IconChartBar,
      group: 'catalogue',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/consumption',
      validateSearch: validateConsumptionSearch,
      component: lazyRouteComponent(() => import('./consumption/ConsumptionPage.tsx'), 'ConsumptionPage'),
    }),
  ],
  audit: [{ entity: 'catalogueConsumptionImport', label: 'catalogue.consumption.auditImport' }],
  serverMessages: {
    'No such offering': 'catalogue.consumption.serverMessage.noOffering',
    'Several offerings have this name': 'catalogue.consumption.serverMessage.severalOfferings',
    'The offering is archived': 'catalogue.consumption.serverMessage.offeringArchived',
    'The offering is not priced per unit or per hour: nothing to measure':
      'catalogue.consumption.serverMessage.notMeasured',
    'No such unit': 'catalogue.consumption.serverMessage.noUnit',
    'No unit has this cost centre or name': 'catalogue.consumption.serverMessage.noUnitRef',
    'Several units have this name: name the unit by its cost centre':
      'catalogue.consumption.serverMessage.severalUnits',
    'The unit is archived': 'catalogue.consumption.serverMessage.unitArchived',
    'The unit has no cost centre: give one': 'catalogue.consumption.serverMessage.noCostCentre',
    'The unit has no account codes: give one': 'catalogue.consumption.serverMessage.noAccounts',
    'The unit has several accounts: give one': 'catalogue.consumption.serverMessage.severalAccounts',
    'Must be a month, YYYY-MM': 'catalogue.consumption.serverMessage.period',
    'At most four decimals': 'catalogue.consumption.serverMessage.decimals',
    'Must be 0 or more': 'catalogue.consumption.serverMessage.negative',
    'The month is locked: its consumption no longer changes': 'catalogue.consumption.serverMessage.locked',
  },
};

// The cost figures (nyckeltal): IT cost per unit, per employee and per IT-arbetsplats, budget
// against outcome, the trend and the comparison with the municipalities that share their figures.
const figures: ClientPart = {
  name: 'figures',
  nav: [
    { to: '/catalogue/figures', label: 'catalogue.figures.nav', icon: IconReportMoney, group: 'catalogue' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogue/figures',
      validateSearch: validateFiguresSearch,
      component: lazyRouteComponent(() => import('./figures/FiguresPage.tsx'), 'FiguresPage'),
    }),
  ],
  audit: [
    { entity: 'catalogueUnitBudget', label: 'catalogue.figures.auditBudget' },
    { entity: 'catalogueFigureSettings', label: 'catalogue.figures.auditSettings' },
  ],
  serverMessages: {
    'The unit has no budget for the year yet: set it without a version':
      'catalogue.figures.serverMessage.noBudget',
    'The unit has a budget for the year: send the version read': 'catalogue.figures.serverMessage.hasBudget',
    'A budget was set meanwhile: reload the year': 'catalogue.figures.serverMessage.meanwhile',
    'A unit at most once': 'catalogue.figures.serverMessage.once',
  },
};

export const catalogueModule = combineClientParts('catalogue', { sv, en }, [
  offerings,
  assets,
  simulation,
  billing,
  orders,
  consumption,
  allocations,
  runs,
  figures,
]);
