import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { demoIntegrations } from './demo-data.ts';
import { createIntegrations } from './service.ts';

// Loads the demo municipality's integrations (./demo-data.ts) through the service in one
// transaction, each validated and audited like one made in the UI. Ids go into `made` as `integration:<from>→<to>`.

export async function loadIntegrationsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const system = (name: string) => {
    const id = made.get(`system:${name}`);
    if (!id) throw new Error(`Demo integration names an unknown system: ${name}`);
    return id;
  };
  const rows = await createIntegrations(
    db,
    tenant.actor,
    demoIntegrations.map((flow) => ({
      fromSystemId: system(flow.from),
      toSystemId: system(flow.to),
      information: flow.information,
      technique: flow.technique,
      direction: flow.direction ?? 'oneWay',
      frequency: flow.frequency ?? null,
      ownerId: flow.owner ? tenant.personId(`${flow.owner}@styrby.example`) : null,
      personalData: flow.personalData ?? false,
      critical: flow.critical ?? false,
      description: flow.description ?? null,
    })),
  );
  demoIntegrations.forEach((flow, i) => {
    made.set(`integration:${flow.from}→${flow.to}`, rows[i]!.id);
  });
}
