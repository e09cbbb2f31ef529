import { IconClipboardCheck } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateComparisonSearch } from './search.ts';

// The yearly self-assessment: templates and rounds, the template editor, a round for answering
// and the comparison across years.

export const surveysPart: ClientPart = {
  name: 'surveys',
  nav: [
    {
      to: '/governance/surveys',
      label: 'governance.surveys.nav',
      icon: IconClipboardCheck,
      group: 'governance',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys',
      component: lazyRouteComponent(() => import('./SurveysPage.tsx'), 'SurveysPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/new',
      component: lazyRouteComponent(() => import('./TemplateEditor.tsx'), 'TemplateEditorPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/rounds/$roundId',
      component: lazyRouteComponent(() => import('./RoundPage.tsx'), 'RoundPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId',
      component: lazyRouteComponent(() => import('./TemplatePage.tsx'), 'TemplatePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId/edit',
      component: lazyRouteComponent(() => import('./TemplateEditor.tsx'), 'TemplateEditorPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId/comparison',
      validateSearch: validateComparisonSearch,
      component: lazyRouteComponent(() => import('./ComparisonPage.tsx'), 'ComparisonPage'),
    }),
  ],
  search: [{ section: 'surveys', label: 'governance.surveys.searchSection', icon: IconClipboardCheck }],
  startSections: [{ section: 'surveyRounds', label: 'governance.surveys.startSection' }],
  serverMessages: {
    'The forum already has a round of this template for the year':
      'governance.surveys.serverMessage.duplicateRound',
    'The round is submitted and locked; an admin may reopen it': 'governance.surveys.serverMessage.locked',
    'The template is archived; restore it first': 'governance.surveys.serverMessage.archived',
    'The round is already submitted': 'governance.surveys.serverMessage.alreadySubmitted',
    'The round is not submitted': 'governance.surveys.serverMessage.notSubmitted',
    'Not a step of the scale': 'governance.surveys.serverMessage.offScale',
  },
  audit: [
    { entity: 'surveyTemplate', label: 'governance.surveys.auditTemplate' },
    { entity: 'surveyRound', label: 'governance.surveys.auditRound' },
  ],
};
