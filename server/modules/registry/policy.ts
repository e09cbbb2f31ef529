import { holdsFor, holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
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
  /** Appoint and end the system's roles: the keepers and the systemägare. */
  manageRoles: (actor: Actor, systemId: string) =>
    keepsRegister(actor) || holdsFor(actor, 'systemOwner', system(systemId)),
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
