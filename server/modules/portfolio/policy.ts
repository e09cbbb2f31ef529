import { holdsFor, holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the portfolio. Deny by default. Everyone signed in may submit an idea in the
// portal and follow their own; staff read every demand (public record). The förändringsansvarig,
// the IT-strateg and admins keep the portfolio as a whole; an IT-kundansvarig registers and
// prepares the demands of their units (a grant for a förvaltning covers its offices); admins keep
// the tenant's scoring model and routing rules.

const unit = (id: string, enclosing: readonly string[] = []) => ({ kind: 'unit', id, enclosing });

/** IT-strateg, admins and a förändringsansvarig granted globally keep every demand. */
const keepsPortfolio = (actor: Actor) =>
  isAdmin(actor) || holdsGlobally(actor, 'itStrategist') || holdsGlobally(actor, 'changeManager');

/** Keeps the demands of this unit (and its sub-units): the keepers, its kundansvarig, its förändringsansvarig. */
const keepsUnit = (actor: Actor, unitId: string | null, enclosing: readonly string[] = []) =>
  keepsPortfolio(actor) ||
  (unitId !== null &&
    (holdsFor(actor, 'accountManager', unit(unitId, enclosing)) ||
      holdsFor(actor, 'changeManager', unit(unitId, enclosing))));

export const portfolioPolicy = {
  /** Read the portfolio's records (procurements, projects) and every demand: staff. */
  read: (actor: Actor) => isStaff(actor),
  /** Read every demand: staff. Others read their own (the service narrows). */
  readAll: (actor: Actor) => isStaff(actor),
  /** Keep procurements and projects: the portfolio's keepers. */
  edit: keepsPortfolio,
  /** Report a project's status and raise its deviations: the keepers and the project's manager. */
  report: (actor: Actor, project: { managerId: string | null }) =>
    keepsPortfolio(actor) || (actor.personId !== null && actor.personId === project.managerId),
  /** Keep a project's effect goals: the keepers and the project's manager. */
  editGoals: (actor: Actor, project: { managerId: string | null }) =>
    keepsPortfolio(actor) || (actor.personId !== null && actor.personId === project.managerId),
  /** Record a follow-up of an effect goal: those who keep it, and the person responsible for it. */
  followUp: (actor: Actor, project: { managerId: string | null }, goal: { responsibleId: string }) =>
    keepsPortfolio(actor) ||
    (actor.personId !== null &&
      (actor.personId === project.managerId || actor.personId === goal.responsibleId)),
  /** May report on some project (the route's gate; the service checks the project). */
  reportSome: (actor: Actor) => isStaff(actor),
  /** Submit an idea or a need in the portal: everyone signed in. */
  submit: (_actor: Actor) => true,
  /** Register a demand on behalf of a unit (not as one's own idea). */
  registerFor: keepsUnit,
  /** Prepare, move and consult on a demand of the unit. */
  prepare: keepsUnit,
  /** Some demand at all (the route's gate; the service checks the unit). */
  prepareSome: (actor: Actor) =>
    keepsPortfolio(actor) ||
    actor.grants.some((g) => g.role === 'accountManager' || g.role === 'changeManager'),
  /** Record the decision on a demand: its keepers (the decision itself is governance's). */
  decide: keepsUnit,
  /** Keep the scoring model and the routing rules. */
  manageSettings: (actor: Actor) => isAdmin(actor),
  readHistory: (actor: Actor) => keepsPortfolio(actor),
};
