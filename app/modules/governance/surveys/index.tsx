import { IconClipboardCheck } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { ComparisonPage, validateComparisonSearch } from './ComparisonPage.tsx';
import { RoundPage } from './RoundPage.tsx';
import { SurveysPage } from './SurveysPage.tsx';
import { TemplateEditorPage } from './TemplateEditor.tsx';
import { TemplatePage } from './TemplatePage.tsx';

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
    createRoute({ getParentRoute: () => parent, path: '/governance/surveys', component: SurveysPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/new',
      component: TemplateEditorPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/rounds/$roundId',
      component: RoundPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId',
      component: TemplatePage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId/edit',
      component: TemplateEditorPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/surveys/$templateId/comparison',
      validateSearch: validateComparisonSearch,
      component: ComparisonPage,
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
