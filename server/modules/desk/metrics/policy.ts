import { holdsGlobally, isAdmin, scopesOf } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { deskPolicy } from '../policy.ts';

// Who reads the desk's metrics. Deny by default. Every ticket's figures: admins, the agents who see
// all groups (the first line and the desk's leads) and the IT-strateg, who follows up the service
// levels across the organisation. The figures of one förvaltning (seed 002: "rapportering av
// service till verksamhet"): whoever the directory makes its IT-kundansvarig or IT-samordnare
// (the unit-scoped roles that answer for a unit's IT), for that unit and its sub-units. No role is
// made for this: the grants of the directory say who.

/** Unit-scoped roles whose holders read the figures of their units. */
export const unitReportingRoles = ['accountManager', 'itCoordinator'] as const;

export const metricsPolicy = {
  /** Every ticket's figures. */
  readAll: (actor: Actor) =>
    isAdmin(actor) || deskPolicy.allGroups(actor) || holdsGlobally(actor, 'itStrategist'),
  /** The units whose subtrees the reader's unit-scoped reporting roles cover (none: only readAll). */
  units: (actor: Actor): string[] => [
    ...new Set(unitReportingRoles.flatMap((r) => scopesOf(actor, r, 'unit'))),
  ],
  /** Reads some figures (the route's gate; the service narrows to what the reader covers). */
  read: (actor: Actor) => metricsPolicy.readAll(actor) || metricsPolicy.units(actor).length > 0,
};
