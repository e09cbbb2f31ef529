import type { Database } from '../../../db/client.ts';
import { grantInScope } from '../../../platform/directory/service.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import type { Made } from '../part.ts';
import { createSupplier } from '../suppliers/service.ts';
import { type DemoSystem, demoSuppliers, demoSystemRoles, demoSystems, grannbySystems } from './demo-data.ts';
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
  const domain = 'styrby.example';
  await inTenant(db, tenant.actor, async (s) => {
    for (const { system, owner, managers = [], operations } of demoSystemRoles) {
      const scopeId = made.get(`system:${system}`)!;
      const grant = (role: 'systemOwner' | 'systemManager' | 'operationsOwner', who: string) =>
        grantInScope(s, {
          personId: tenant.personId(`${who}@${domain}`),
          role,
          scope: 'system',
          scopeId,
          scopeName: system,
        });
      if (owner) await grant('systemOwner', owner);
      for (const manager of managers) await grant('systemManager', manager);
      if (operations) await grant('operationsOwner', operations);
    }
  });
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
    tags: system.tags ?? [],
  };
}
