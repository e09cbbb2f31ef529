import { holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the catalogue. Deny by default. Staff read the catalogue, its prices and
// the units' billing modes (public record: what the IT unit charges). Admins, the IT-strateg and
// an ekonom granted for the whole tenant keep it: families, services, offerings, rate cards,
// planned volumes, simulations and the units' switch from quality steering to billing. The
// external price (with moms) is what partners are shown; the internal price is the municipality's
// own and shown to staff.

const keepsCatalogue = (actor: Actor) =>
  isAdmin(actor) || holdsGlobally(actor, 'itStrategist') || holdsGlobally(actor, 'economist');

export const cataloguePolicy = {
  read: (actor: Actor) => isStaff(actor),
  manage: keepsCatalogue,
  /** Run a price simulation (nothing is written, but it is the Finansieringsgrupp's preparation). */
  simulate: keepsCatalogue,
  /** See internal prices: staff of the municipality. */
  seeInternal: (actor: Actor) => isStaff(actor),
  /** See the external price for partners: staff (and, with orders, the partners themselves). */
  seeExternal: (actor: Actor) => isStaff(actor),
  readHistory: keepsCatalogue,
};
