import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { demoIntegrations } from './demo-data.ts';
import { createIntegration } from './service.ts';

// Loads the demo municipality's integrations (./demo-data.ts) through the service, so each is
// validated and audited like one made in the UI. Ids go into `made` as `integration:<from>→<to>`.

export async function loadIntegrationsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const system = (name: string) => {
    const id = made.get(`system:${name}`);
    if (!id) throw new Error(`Demo integration names an unknown system: ${name}`);
    return id;
  };
  for (const flow of demoIntegrations) {
    const row = await createIntegration(db, tenant.actor, {
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
    });
    made.set(`integration:${flow.from}→${flow.to}`, row.id);
  }
}
