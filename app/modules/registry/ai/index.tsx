import { IconRobot } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { aiServerMessages } from './messages.ts';
import { validateAiSearch } from './search.ts';

// The AI Act register on the web app's seam: its list page in the registry's navigation, AI
// applications in the global search and the audit trail. The section on a system's page is
// registered in ../systems/sections.tsx.

export const aiPart: ClientPart = {
  name: 'ai',
  serverMessages: aiServerMessages,
  nav: [{ to: '/ai-applications', label: 'registry.ai.nav', icon: IconRobot, group: 'registrySecurity' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/ai-applications',
      validateSearch: validateAiSearch,
      component: lazyRouteComponent(() => import('./AiApplicationsPage.tsx'), 'AiApplicationsPage'),
    }),
  ],
  search: [{ section: 'aiApplications', label: 'registry.ai.searchSection', icon: IconRobot }],
  audit: [{ entity: 'aiApplication', label: 'registry.ai.auditEntity' }],
};
