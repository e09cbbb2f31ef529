import type { ClientPart } from '../../../platform/module-parts.ts';

// Working tickets together on the web app's seam: its pieces live on the console and the ticket
// page (./LinkedRecords.tsx, ./MergeDialog.tsx, ./MajorIncident.tsx, ./BulkActions.tsx,
// ./SavedFilters.tsx, ./Attachments.tsx, ./TimePanel.tsx); here the server's sentences and the audit trail's names.

const m = (key: string) => `desk.work.serverMessage.${key}`;

export const ticketWorkPart: ClientPart = {
  name: 'ticket-work',
  serverMessages: {
    'A ticket cannot be linked to itself': m('linkSelf'),
    'Only an incident is caused by a problem': m('causeTypes'),
    'A duplicate is a ticket of the same type': m('duplicateType'),
    'The tickets are linked already': m('linkedAlready'),
    'The ticket has a parent already': m('parentAlready'),
    'The ticket is a duplicate of another already': m('duplicateAlready'),
    'The link would make a cycle': m('cycle'),
    'Only the agents of its group change a ticket': m('agentsOnly'),
    'A ticket cannot be merged into itself': m('mergeSelf'),
    'A closed ticket is not merged': m('mergeClosed'),
    'Only tickets of the same type are merged': m('mergeTypes'),
    'The ticket is not a major incident': m('notMajor'),
    'Only an agent who works every ticket linked to the major incident does this': m('majorAll'),
    'Only an open ticket is solved': m('solveOpen'),
    'You have a saved filter of that name already': m('filterName'),
    'At most 50 saved filters each': m('filterLimit'),
    'A ticket is named twice': m('namedTwice'),
    'Say what to change': m('nothingToChange'),
    'Billable time needs the perHour offering it is charged at': 'desk.time.serverMessage.billableOffering',
    'No such active perHour offering': 'desk.time.serverMessage.noOffering',
    'The person is not an agent of the ticket': 'desk.time.serverMessage.notAgent',
    'Required: who did the work': 'desk.time.serverMessage.who',
  },
  audit: [
    { entity: 'savedFilter', label: 'desk.work.auditSavedFilter' },
    { entity: 'timeEntry', label: 'desk.time.auditEntity' },
  ],
};
