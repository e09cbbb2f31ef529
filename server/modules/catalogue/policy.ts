import { holds, holdsFor, holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
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

  // Orders (./orders). Everyone signed in orders in the portal. The attest of an order (the
  // unit's budget holder) is the ekonom of the unit: `economist` granted in the unit's scope or a
  // unit enclosing it (a grant for a förvaltning covers its enheter), or granted for the whole
  // tenant; admins too, as the fallback when a unit has no ekonom yet. No role of its own: the
  // ekonom per unit is the budget holder of DESIGN.md's roles. The same people keep the unit's
  // kontering codes and cancel its subscriptions.
  order: (actor: Actor) => actor.personId !== null,
  /** The route's gate of attest and of the units' codes: an ekonom somewhere, or an admin. */
  attestSomewhere: (actor: Actor) => isAdmin(actor) || holds(actor, 'economist'),
  /** Attest for the unit whose chain (itself, then its parents up) is given. */
  attestFor: (actor: Actor, chain: readonly string[]) =>
    isAdmin(actor) ||
    holdsFor(actor, 'economist', { kind: 'unit', id: chain[0]!, enclosing: chain.slice(1) }),
  /** Every order of the tenant: the catalogue's keepers. */
  readAllOrders: keepsCatalogue,
  readSubscriptions: (actor: Actor) => isStaff(actor),

  // The chargeback run (./runs). The keepers compute, lock, correct and resolve disputes (the
  // `manage` rule). Staff read the runs and their totals per unit (public record: what the IT
  // unit charges); a run's lines are read per unit in the service (the unit's people, its
  // ekonom, the keepers). A line is disputed by who attests for its unit (attestFor) or a keeper:
  // the route's gate is theirs, the unit's check is the service's.
  readRuns: (actor: Actor) => isStaff(actor),
  readRunLines: (actor: Actor) => actor.personId !== null,
  runs: keepsCatalogue,
  disputeSomewhere: (actor: Actor) => keepsCatalogue(actor) || isAdmin(actor) || holds(actor, 'economist'),

  // Rental equipment (./assets). The catalogue's keepers keep the assets, issue, return and scrap
  // them and set the IT unit's investment budget; everyone with a person reads, but the service
  // shows one who is not a keeper only the assets of their own unit (and the units under a unit
  // grant of theirs) and those they hold themselves.
  manageAssets: keepsCatalogue,
  readAssets: (actor: Actor) => keepsCatalogue(actor) || actor.personId !== null,
  readAllAssets: keepsCatalogue,
};
