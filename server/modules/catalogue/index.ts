import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { billingPart } from './billing/index.ts';
import { offeringsPart } from './offerings/index.ts';
import { ordersPart } from './orders/index.ts';
import { runsPart } from './runs/index.ts';
import { simulationPart } from './simulation/index.ts';

// Catalogue: the priced service catalogue and chargeback (issue 16). Families, services (the
// desk's catalogue services placed in a family) and offerings with rate cards; the price
// simulation over planned volumes; and each unit's dated switch from quality steering to billing.
// Orders in the portal with kontering, attest, fulfilment as a desk request and subscriptions;
// the month's chargeback run (runs/); rental equipment is a part still to come.

const parts: ModulePart[] = [offeringsPart, simulationPart, billingPart, ordersPart, runsPart];

export const catalogueModule = combineParts('catalogue', parts);
