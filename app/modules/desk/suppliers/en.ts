import type { sv } from './sv.ts';

// English messages of the underpinning contracts' follow-up.
export const en: typeof sv = {
  nav: 'Supplier contracts',
  title: 'Underpinning contracts followed up',
  description:
    'Tickets handed to a supplier, measured against the levels the supplier promised in the contract. The levels are set as an underpinning contract under Service levels.',
  period: 'Period',
  levels: 'Contracted service levels',
  levelsHint:
    'A contract with levels is a service level of the kind underpinning contract that names the contract.',
  table: 'By supplier and contract',
  tableCaption: 'Supplier contracts, {{from}} – {{to}}',
  supplier: 'Supplier',
  contract: 'Contract',
  noContract: 'No contract with levels (not measured)',
  level: 'Service level',
  tickets: 'Tickets',
  spells: 'Hand-overs',
  open: 'With the supplier now',
  response: 'Responses on time',
  responseMedian: 'Response, median',
  responseMean: 'Response, mean',
  resolution: 'Done on time',
  resolutionMedian: 'Time with the supplier, median',
  resolutionMean: 'Time with the supplier, mean',
  breaches: 'Breaches',
  measured: '{{share}} of {{count}}',
  counting:
    "A ticket is with the supplier while the supplier's group holds it or while it waits for the supplier. Response: the supplier's first action after the hand-over. Done: when the ticket leaves the supplier (solved, or back to an own group). Business time on the contract's calendar; time waiting for the requester is left out.",
};
