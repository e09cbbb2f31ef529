import { holds, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the portfolio. Deny by default. Projects are public record inside the
// tenant, so staff read them; the IT-strateg, the förändringsansvarig and admins keep them, and a
// project's own manager reports its status and raises its deviations.

/** IT-strateg, förändringsansvarig and admins keep the portfolio. */
const keepsPortfolio = (actor: Actor) =>
  isAdmin(actor) || holds(actor, 'itStrategist') || holds(actor, 'changeManager');

export const portfolioPolicy = {
  read: (actor: Actor) => isStaff(actor),
  manage: keepsPortfolio,
  /** Report status and raise deviations: the keepers and the project's manager. */
  report: (actor: Actor, project: { managerId: string | null }) =>
    keepsPortfolio(actor) || (actor.personId !== null && actor.personId === project.managerId),
  /** May report on some project (the route's gate; the service checks the project). */
  reportSome: (actor: Actor) => isStaff(actor),
  readHistory: keepsPortfolio,
};
