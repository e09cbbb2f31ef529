import { IconGauge, IconListDetails, IconShoppingCart } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateLevelsSearch, validateServicesSearch } from './search.ts';

// Catalogue services and service levels on the web app's seam, as two parts: the portal's
// "Beställ" (every employee orders a service from its form) beside the portal's other pages, and
// the admins' pages of levels and services in the desk's settings. The server's English
// sentences → their translations.

export const orderPart: ClientPart = {
  name: 'order',
  nav: [{ to: '/portal/order', label: 'desk.services.order.nav', icon: IconShoppingCart, group: 'desk' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/order',
      component: lazyRouteComponent(() => import('./OrderPage.tsx'), 'OrderPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/order/$serviceId',
      component: lazyRouteComponent(() => import('./OrderServicePage.tsx'), 'OrderServicePage'),
    }),
  ],
  search: [
    { section: 'catalogueServices', label: 'desk.services.services.searchSection', icon: IconShoppingCart },
  ],
  serverMessages: {
    'Not a field of the form': 'desk.services.order.serverMessage.notField',
    'Must be a number': 'desk.services.order.serverMessage.number',
    'Must be yes or no': 'desk.services.order.serverMessage.yesNo',
    'Must be a date YYYY-MM-DD': 'desk.services.order.serverMessage.date',
    'Not one of the choices': 'desk.services.order.serverMessage.choice',
    'Must be a person': 'desk.services.order.serverMessage.person',
    'No such active service': 'desk.services.order.serverMessage.noService',
    'The service cannot be ordered': 'desk.services.order.serverMessage.notOrderable',
    'Only a request answers an order form': 'desk.services.order.serverMessage.onlyRequest',
  },
};

export const servicesPart: ClientPart = {
  name: 'services',
  nav: [
    {
      to: '/desk/service-levels',
      label: 'desk.services.levels.nav',
      icon: IconGauge,
      group: 'deskAdmin',
      admin: true,
    },
    {
      to: '/desk/services',
      label: 'desk.services.services.nav',
      icon: IconListDetails,
      group: 'deskAdmin',
      admin: true,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/service-levels',
      validateSearch: validateLevelsSearch,
      component: lazyRouteComponent(() => import('./LevelsPage.tsx'), 'LevelsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/service-levels/$levelId',
      component: lazyRouteComponent(() => import('./LevelPage.tsx'), 'LevelPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/services',
      validateSearch: validateServicesSearch,
      component: lazyRouteComponent(() => import('./ServicesPage.tsx'), 'ServicesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/services/$serviceId',
      component: lazyRouteComponent(() => import('./ServicePage.tsx'), 'ServicePage'),
    }),
  ],
  search: [{ section: 'serviceLevels', label: 'desk.services.levels.searchSection', icon: IconGauge }],
  audit: [
    { entity: 'serviceLevel', label: 'desk.services.levels.auditEntity' },
    { entity: 'catalogueService', label: 'desk.services.services.auditEntity' },
  ],
  serverMessages: {
    'No such active calendar': 'desk.services.levels.serverMessage.noCalendar',
    'No such active contract': 'desk.services.levels.serverMessage.noContract',
    'An underpinning level names the contract it follows up':
      'desk.services.levels.serverMessage.needsContract',
    'An underpinning contract cannot be the default level':
      'desk.services.levels.serverMessage.underpinningNotDefault',
    'Only an underpinning level names a contract':
      'desk.services.levels.serverMessage.contractOnlyUnderpinning',
    'The contract already has its levels in another underpinning level':
      'desk.services.levels.serverMessage.contractTaken',
    'Active services follow the level; give them another level first':
      'desk.services.levels.serverMessage.inUse',
    'Active services follow the level; give them another level before it becomes a contract':
      'desk.services.levels.serverMessage.inUseContract',
    'The default level cannot be archived; make another the default first':
      'desk.services.levels.serverMessage.defaultNotArchived',
    'Another level was made the default at the same time; reload and try again':
      'desk.services.levels.serverMessage.defaultRace',
    'Another level was made the default at the same time':
      'desk.services.levels.serverMessage.defaultRaceField',
    'The service level is archived; restore it first': 'desk.services.levels.serverMessage.archived',
    'No such active service level': 'desk.services.services.serverMessage.noLevel',
    'A service follows a service level, not an underpinning contract':
      'desk.services.services.serverMessage.levelIsContract',
    'The service is archived; restore it first': 'desk.services.services.serverMessage.archived',
    "The service's level is archived; restore it or choose another first":
      'desk.services.services.serverMessage.levelArchived',
    'A select needs its options': 'desk.services.services.serverMessage.selectNeedsOptions',
    'Lower-case letters, digits and dashes, from a letter': 'desk.services.services.serverMessage.keyFormat',
    'Each field needs a key of its own': 'desk.services.services.serverMessage.keysUnique',
  },
};
