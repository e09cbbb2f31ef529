import { IconFileText } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateDocumentsSearch } from './search.ts';

// The governing documents: the list (those in force for everyone signed in) and a document's page.

export const documentsPart: ClientPart = {
  name: 'documents',
  nav: [
    {
      to: '/governance/documents',
      label: 'governance.documents.nav',
      icon: IconFileText,
      group: 'governance',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/documents',
      validateSearch: validateDocumentsSearch,
      component: lazyRouteComponent(() => import('./DocumentsPage.tsx'), 'DocumentsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/documents/$documentId',
      component: lazyRouteComponent(() => import('./DocumentPage.tsx'), 'DocumentPage'),
    }),
  ],
  search: [{ section: 'documents', label: 'governance.documents.searchSection', icon: IconFileText }],
  startSections: [{ section: 'documents', label: 'governance.documents.startSection' }],
  serverMessages: {
    'The document is archived; restore it first': 'governance.documents.serverMessage.archived',
    'A document cannot sit under itself': 'governance.documents.serverMessage.cycle',
    'The hierarchy is too deep': 'governance.documents.serverMessage.deep',
    'No such document': 'governance.documents.serverMessage.noDocument',
    'No such decision': 'governance.documents.serverMessage.noDecision',
    'Valid to is before valid from': 'governance.documents.serverMessage.dates',
  },
  audit: [{ entity: 'governingDocument', label: 'governance.documents.auditEntity' }],
};
