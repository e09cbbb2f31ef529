import { holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the portfolio. Deny by default. Demands, procurements and projects are public
// record inside the tenant, so staff read them; admins, the IT-strateg and the förändringsansvarig
// (DESIGN.md: they run the portfolio) keep them.

const keepsPortfolio = (actor: Actor) =>
  isAdmin(actor) || holdsGlobally(actor, 'itStrategist') || holdsGlobally(actor, 'changeManager');

export const portfolioPolicy = {
  read: (actor: Actor) => isStaff(actor),
  edit: keepsPortfolio,
  readHistory: keepsPortfolio,
};
