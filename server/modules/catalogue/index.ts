import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { allocationsPart } from './allocations/index.ts';
import { assetsPart } from './assets/index.ts';
import { billingPart } from './billing/index.ts';
import { consumptionPart } from './consumption/index.ts';
import { exportsPart } from './exports/index.ts';
import { figuresPart } from './figures/index.ts';
import { offeringsPart } from './offerings/index.ts';
import { ordersPart } from './orders/index.ts';
import { runsPart } from './runs/index.ts';
import { simulationPart } from './simulation/index.ts';

// Catalogue: the priced service catalogue and chargeback (issue 16). Families, services (the
// desk's catalogue services placed in a family) and offerings with rate cards; the price
// simulation over planned volumes; and each unit's dated switch from quality steering to billing.
// Orders in the portal with kontering, attest, fulfilment as a desk request and subscriptions;
// rental equipment issued to units at an offering's rent, with the investment budget (assets/);
// consumption imported from the source systems (consumption/); shared costs spread by allocation
// keys (allocations/); the month's chargeback run (runs/) and its SIE, ledger and specification
// files (exports/); the cost figures per unit, employee and IT-arbetsplats, budget against outcome
// and the comparison between tenants (figures/).

const parts: ModulePart[] = [
  offeringsPart,
  assetsPart,
  simulationPart,
  billingPart,
  ordersPart,
  consumptionPart,
  allocationsPart,
  runsPart,
  exportsPart,
  figuresPart,
];

export const catalogueModule = combineParts('catalogue', parts);
