import type { SystemRoleCreate, SystemRoleKind } from '../../../../shared/registry/systems.ts';
import type { Database } from '../../../db/client.ts';
import { archivePerson, getPerson } from '../../../platform/directory/service.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { createSupplier } from '../suppliers/service.ts';
import {
  type DemoSystem,
  demoLeaver,
  demoRoleHistory,
  demoSuppliers,
  demoSystemRoles,
  demoSystems,
  grannbySystems,
} from './demo-data.ts';
import { appointRoles, stockholmToday, syncPersonRoles } from './roles/service.ts';
import { createSystem } from './service.ts';

// Loads the demo register (./demo-data.ts) through the services, so every record is validated and
// audited like one made in the UI. Ids go into `made` as `supplier:<name>` and `system:<name>`.

export async function loadSystemsDemo(db: Database, tenant: DemoContext, made: Made) {
  const styrby = tenant.slug === 'styrby';
  if (styrby) {
    for (const supplier of demoSuppliers) {
      const row = await createSupplier(db, tenant.actor, supplier);
      made.set(`supplier:${supplier.name}`, row.id);
    }
  }
  for (const system of styrby ? demoSystems : grannbySystems) {
    const row = await createSystem(db, tenant.actor, toInput(system, tenant, made));
    made.set(`system:${system.name}`, row.id);
  }
  if (!styrby) return;
  await loadRoles(db, tenant, made);
}

const domain = 'styrby.example';

function addDays(day: string, n: number) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The systems' roles through the roles service, so each in effect holds its grant like one appointed in the UI. */
async function loadRoles(db: Database, tenant: DemoContext, made: Made) {
  const person = (who: string) => tenant.personId(`${who}@${domain}`);
  const entries: (SystemRoleCreate & { systemId: string })[] = [];
  const appoint = (system: string, kind: SystemRoleKind, who: string, rest: Partial<SystemRoleCreate> = {}) =>
    entries.push({ systemId: made.get(`system:${system}`)!, kind, personId: person(who), ...rest });
  for (const r of demoSystemRoles) {
    const from = { validFrom: r.from ?? '2022-01-01' };
    if (r.owner) appoint(r.system, 'systemOwner', r.owner, from);
    for (const m of r.managers ?? []) appoint(r.system, 'systemManager', m, from);
    if (r.operations) appoint(r.system, 'operationsOwner', r.operations, from);
    if (r.productOwner) appoint(r.system, 'productOwner', r.productOwner, from);
    for (const m of r.productManagers ?? []) appoint(r.system, 'productManager', m, from);
  }
  const today = stockholmToday();
  for (const h of demoRoleHistory) {
    appoint(h.system, h.kind, h.who, {
      validFrom: h.startsInDays ? addDays(today, h.startsInDays) : h.from,
      validTo: h.to,
      note: h.note,
    });
  }
  // One transaction for all of them: the demo loads in seconds, and each is audited as one made in the UI.
  await appointRoles(db, tenant.actor, entries, today);
  // The förvaltare who has left: archived in the directory, his role stays and shows the gap.
  const leaver = person(demoLeaver.who);
  const before = await getPerson(db, tenant.actor, leaver);
  await archivePerson(db, tenant.actor, leaver, { version: before.version, reason: demoLeaver.reason });
  await syncPersonRoles(db, tenant.actor, leaver);
}

function toInput(system: DemoSystem, tenant: DemoContext, made: Made) {
  return {
    name: system.name,
    shortName: system.shortName ?? null,
    scope: system.scope,
    category: system.category,
    owningUnitId: tenant.unitId(system.owner),
    usingUnits: (system.users ?? []).map(([unit, users]) => ({ unitId: tenant.unitId(unit), users })),
    phase: system.phase ?? 'operation',
    operationForm: system.operationForm,
    criticality: system.criticality,
    supplierId: system.supplier ? (made.get(`supplier:${system.supplier}`) ?? null) : null,
    product: system.product ?? null,
    eService: system.eService ?? false,
    ownDeveloped: system.ownDeveloped ?? false,
    // The produktråd of an own-developed product, by name until the governance module brings forums.
    productCouncil: system.ownDeveloped ? `Produktråd ${system.name}` : null,
    tags: system.tags ?? [],
  };
}
