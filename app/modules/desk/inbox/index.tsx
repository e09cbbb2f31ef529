import { IconInbox } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { useSeesAllGroups } from '../api.ts';
import { validateInboxSearch } from './search.ts';

// The inbox of received mail that no ticket holds (server/modules/desk/mail): for the agents who
// see every group, as the API allows (mail no ticket holds is no group's). The page opens one mail
// by ?mail=<id>, which is also where the audit trail links a received mail.

export const inboxPart: ClientPart = {
  name: 'inbox',
  nav: [
    {
      to: '/desk/inbox',
      label: 'desk.inbox.nav',
      icon: IconInbox,
      group: 'desk',
      useVisible: useSeesAllGroups,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/inbox',
      validateSearch: validateInboxSearch,
      component: lazyRouteComponent(() => import('./InboxPage.tsx'), 'InboxPage'),
    }),
  ],
  serverMessages: {
    'Only a held mail can be made a ticket': 'desk.inbox.serverMessage.heldOnlyTicket',
    'The mail has made a ticket already': 'desk.inbox.serverMessage.madeTicket',
    'Only a held mail can be discarded': 'desk.inbox.serverMessage.heldOnlyDiscard',
  },
  audit: [
    { entity: 'inboundMail', label: 'desk.inbox.auditEntity' },
    { entity: 'mailSettings', label: 'desk.inbox.settingsEntity' },
  ],
};
