import { IconBook } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateKnowledgeSearch } from './search.ts';

// The knowledge base, for every employee (published articles) and the agents who write them.

export const knowledgePart: ClientPart = {
  name: 'knowledge',
  nav: [{ to: '/desk/knowledge', label: 'desk.knowledge.nav', icon: IconBook, group: 'desk' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/knowledge',
      validateSearch: validateKnowledgeSearch,
      component: lazyRouteComponent(() => import('./KnowledgePage.tsx'), 'KnowledgePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/knowledge/$articleId',
      component: lazyRouteComponent(() => import('./ArticlePage.tsx'), 'ArticlePage'),
    }),
  ],
  search: [{ section: 'knowledge', label: 'desk.knowledge.searchSection', icon: IconBook }],
  serverMessages: {
    'A known error needs its workaround': 'desk.knowledge.serverMessage.knownErrorWorkaround',
    'An article names its system or its category': 'desk.knowledge.serverMessage.systemOrCategory',
    'No such problem ticket': 'desk.knowledge.serverMessage.noProblem',
    'The article is archived; restore it first': 'desk.knowledge.serverMessage.archived',
    'The article is already published': 'desk.knowledge.serverMessage.alreadyPublished',
    'Only a published article takes answers': 'desk.knowledge.serverMessage.publishedOnly',
    'Give the text or the ticket': 'desk.knowledge.serverMessage.textOrTicket',
  },
  audit: [{ entity: 'knowledgeArticle', label: 'desk.knowledge.auditEntity' }],
};
