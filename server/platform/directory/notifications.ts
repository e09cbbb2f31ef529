import type { Role } from '../../../shared/roles.ts';
import { defineNotification } from '../notifications/kinds.ts';

// The directory's notifications: a role granted to you.

const roleNames: Record<Role, { sv: string; en: string }> = {
  admin: { sv: 'Administratör', en: 'Administrator' },
  itStrategist: { sv: 'IT-strateg', en: 'IT strategist' },
  accountManager: { sv: 'IT-kundansvarig', en: 'IT account manager' },
  itCoordinator: { sv: 'IT-samordnare', en: 'IT coordinator' },
  changeManager: { sv: 'Förändringsansvarig', en: 'Change manager' },
  securityCoordinator: { sv: 'Informationssäkerhetssamordnare', en: 'Information security coordinator' },
  dataProtectionOfficer: { sv: 'Dataskyddsombud', en: 'Data protection officer' },
  systemOwner: { sv: 'Systemägare', en: 'System owner' },
  systemManager: { sv: 'Systemförvaltare', en: 'System manager' },
  operationsOwner: { sv: 'Systemdriftsansvarig', en: 'Operations owner' },
  serviceDeskAgent: { sv: 'Servicedeskhandläggare', en: 'Service desk agent' },
  economist: { sv: 'Ekonom', en: 'Economist' },
  forumMember: { sv: 'Forumledamot', en: 'Forum member' },
  employee: { sv: 'Medarbetare', en: 'Employee' },
  reader: { sv: 'Läsare', en: 'Reader' },
};

const roleName = (role: string, language: 'sv' | 'en') => roleNames[role as Role]?.[language] ?? role;

/** A role was granted to you; `scopeName` is the unit's (or other scope's) name, null for global. */
export const roleGranted = defineNotification<{ role: string; scopeName: string | null; by: string }>({
  kind: 'platform.role-granted',
  label: { sv: 'Du har fått en roll', en: 'You were given a role' },
  sv: (p) =>
    `${p.by} gav dig rollen ${roleName(p.role, 'sv')}${p.scopeName ? ` i ${p.scopeName}` : ' i hela organisationen'}.`,
  en: (p) =>
    `${p.by} gave you the role ${roleName(p.role, 'en')}${p.scopeName ? ` in ${p.scopeName}` : ' in the whole organisation'}.`,
  // Demo data and imports grant many roles at once: mail only for those who ask for it.
  mail: { default: false },
});
