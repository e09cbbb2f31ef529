import { IconBriefcase } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateProjectsSearch } from './search.ts';

// The portfolio's projects: the list and a project's page with its reports, deviations and handover.

export const projectsPart: ClientPart = {
  name: 'projects',
  nav: [
    { to: '/portfolio/projects', label: 'portfolio.projects.nav', icon: IconBriefcase, group: 'portfolio' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/projects',
      validateSearch: validateProjectsSearch,
      component: lazyRouteComponent(() => import('./ProjectsPage.tsx'), 'ProjectsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/projects/$projectId',
      component: lazyRouteComponent(() => import('./ProjectPage.tsx'), 'ProjectPage'),
    }),
  ],
  search: [{ section: 'projects', label: 'portfolio.projects.searchSection', icon: IconBriefcase }],
  startSections: [{ section: 'projects', label: 'portfolio.projects.startSection' }],
  audit: [{ entity: 'project', label: 'portfolio.projects.auditEntity' }],
  serverMessages: {
    'The project is archived; restore it first': 'portfolio.projects.serverMessage.archived',
    'The project ends before it starts': 'portfolio.projects.serverMessage.endsBefore',
    'The period ends before it starts': 'portfolio.projects.serverMessage.periodEnds',
    'A project is handed over through its handover': 'portfolio.projects.serverMessage.viaHandover',
    'The project is already handed over': 'portfolio.projects.serverMessage.handedOver',
    'The project is handed over to förvaltning': 'portfolio.projects.serverMessage.handedOver',
    'Name an existing system or a new one, not both': 'portfolio.projects.serverMessage.systemOrNew',
    'The year is named twice': 'portfolio.projects.serverMessage.yearTwice',
    'No such initiative': 'portfolio.projects.serverMessage.noInitiative',
  },
};
