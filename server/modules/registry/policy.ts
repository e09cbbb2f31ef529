import { holds, holdsFor, holdsGlobally, isAdmin, isStaff, scopesOf } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the system register. Deny by default: each rule says yes only to the roles it
// names. The register is public record inside the tenant (which systems exist, who answers for
// them), so everyone signed in reads it: the portal needs it to say which system a ticket is about.
// What is secret under OSL (classification levels and motivations) has rules of its own below.

const system = (id: string) => ({ kind: 'system', id });

/** IT-strateg and admins keep the register as a whole. */
const keepsRegister = (actor: Actor) => isAdmin(actor) || holdsGlobally(actor, 'itStrategist');

export const registryPolicy = {
  read: (_actor: Actor) => true,
  /** Contracts, costs, licences: staff, not the self-service portal. */
  readCommercial: (actor: Actor) => isStaff(actor),
  /** Create systems, suppliers and anything that belongs to no one system. */
  manage: keepsRegister,
  /** Change a system's record: the keepers, and its own systemägare and systemförvaltare. */
  editSystem: (actor: Actor, systemId: string) =>
    keepsRegister(actor) ||
    holdsFor(actor, 'systemOwner', system(systemId)) ||
    holdsFor(actor, 'systemManager', system(systemId)),
  /** May change some system's records (a route's gate; the service checks the system itself). */
  editSomeSystem: (actor: Actor) =>
    keepsRegister(actor) || holds(actor, 'systemOwner') || holds(actor, 'systemManager'),
  /**
   * Add or change an integration: the keepers, and the systemägare or systemförvaltare of the system
   * at either end (each side answers for what it sends and receives).
   */
  editIntegration: (actor: Actor, fromSystemId: string, toSystemId: string) =>
    registryPolicy.editSystem(actor, fromSystemId) || registryPolicy.editSystem(actor, toSystemId),
  /** May add integrations at all (the New button): the keepers and anyone who edits some system. */
  addIntegrations: (actor: Actor) =>
    keepsRegister(actor) || holds(actor, 'systemOwner') || holds(actor, 'systemManager'),
  /** Appoint and end the system's roles: the keepers and the systemägare. */
  manageRoles: (actor: Actor, systemId: string) =>
    keepsRegister(actor) || holdsFor(actor, 'systemOwner', system(systemId)),
  /**
   * Whether the actor may manage the roles of some system: the route's check, before the role's
   * own system is known (the service then asks manageRoles of that system).
   */
  manageSomeRoles: (actor: Actor) => keepsRegister(actor) || holds(actor, 'systemOwner'),
  /** Classify a system's information (KLASSA): the keepers, security, and the systemägare. */
  classify: (actor: Actor, systemId: string) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'securityCoordinator') ||
    holdsFor(actor, 'systemOwner', system(systemId)),
  /**
   * Read classification levels and motivations (secret under OSL): the keepers, the
   * information-security role, and the system's own owner and förvaltare. Everyone else learns only
   * that a classification exists and when its review is due.
   */
  readClassification: (actor: Actor, systemId: string) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'securityCoordinator') ||
    holdsFor(actor, 'systemOwner', system(systemId)) ||
    holdsFor(actor, 'systemManager', system(systemId)),
  /**
   * Whom a list of classifications may show levels to without asking per row: the keepers and
   * security read all of them ('all'); anyone else only those of the systems they own or manage.
   * Filters that would reveal levels (level 4, motivation in a search) apply to these rows only.
   */
  classificationReadScope: (actor: Actor): 'all' | string[] =>
    keepsRegister(actor) || holdsGlobally(actor, 'securityCoordinator')
      ? 'all'
      : [
          ...new Set([
            ...scopesOf(actor, 'systemOwner', 'system'),
            ...scopesOf(actor, 'systemManager', 'system'),
          ]),
        ],
  /** May classify some system (the route's gate; the service checks the system itself). */
  classifySome: (actor: Actor) =>
    keepsRegister(actor) || holdsGlobally(actor, 'securityCoordinator') || holds(actor, 'systemOwner'),
  /** Edit the wording of the KLASSA consequence scale (a new version): the keepers and security. */
  editClassificationScale: (actor: Actor) =>
    keepsRegister(actor) || holdsGlobally(actor, 'securityCoordinator'),
  /**
   * Read a service's or API's K/R/T levels (secret under OSL like classifications): the keepers,
   * the information-security role, and the service's own owner. Everyone else learns only that
   * levels are set.
   */
  readServiceLevels: (actor: Actor, service: { ownerId: string | null }) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'securityCoordinator') ||
    (service.ownerId !== null && service.ownerId === actor.personId),
  /** Change a service's record and its links to systems: the keepers and the service's owner. */
  editService: (actor: Actor, service: { ownerId: string | null }) =>
    keepsRegister(actor) || (service.ownerId !== null && service.ownerId === actor.personId),
  /**
   * Read the K/R/T levels of a record type (secret like a classification): those who read the
   * classification of the system that keeps it; for a record type kept in no system, the keepers
   * and the information-security role only.
   */
  readRecordTypeLevels: (actor: Actor, systemId: string | null): boolean =>
    systemId === null
      ? keepsRegister(actor) || holdsGlobally(actor, 'securityCoordinator')
      : registryPolicy.readClassification(actor, systemId),
  /**
   * Record a system's costs of a year and their split over units: the keepers, an ekonom, and the
   * system's own systemägare and systemförvaltare (who answer for its budget).
   */
  recordCosts: (actor: Actor, systemId: string) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'economist') ||
    holdsFor(actor, 'systemOwner', system(systemId)) ||
    holdsFor(actor, 'systemManager', system(systemId)),
  /** The audit history of registry records: the keepers. */
  readHistory: keepsRegister,
  /**
   * The GDPR Article 30 register (processing activities): staff read it (it is public record and
   * the förvaltningar answer for their own processing), the self-service portal does not need it.
   */
  readProcessing: (actor: Actor) => isStaff(actor),
  /** Whose start page lists what the register lacks (DPIAs not made, agreements needed): the DPO's. */
  followUpProcessing: (actor: Actor) => holdsGlobally(actor, 'dataProtectionOfficer'),
  /** Record and change processing activities: the keepers and the dataskyddsombud (DPO). */
  editProcessing: (actor: Actor) => keepsRegister(actor) || holdsGlobally(actor, 'dataProtectionOfficer'),
  /**
   * A förvaltningsobjekt's yearly plans: the keepers, and the object's own objektägare and
   * förvaltningsledare (the people named on the object, not a granted role: pm3 names them there).
   */
  planManagementObject: (actor: Actor, object: { ownerId: string | null; managerId: string | null }) =>
    keepsRegister(actor) ||
    (actor.personId !== null && (actor.personId === object.ownerId || actor.personId === object.managerId)),
  /** The GDPR processing register in full: the keepers, the DPO and security. */
  readPersonalData: (actor: Actor) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'dataProtectionOfficer') ||
    holdsGlobally(actor, 'securityCoordinator'),
};
