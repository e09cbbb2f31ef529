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
  /** The GDPR processing register in full: the keepers, the DPO and security. */
  readPersonalData: (actor: Actor) =>
    keepsRegister(actor) ||
    holdsGlobally(actor, 'dataProtectionOfficer') ||
    holdsGlobally(actor, 'securityCoordinator'),
};
