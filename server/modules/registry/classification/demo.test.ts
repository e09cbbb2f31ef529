import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { productSeam } from '../../../modules.ts';
import { systemActor } from '../../../platform/context.ts';
import { loadDemo } from '../../../platform/directory/demo.ts';
import { findTenantBySlug } from '../../../platform/directory/service.ts';
import { listAiApplications } from '../ai/service.ts';
import { listClassifications, maxLevelsBySystem, today } from './service.ts';

// The demo municipality's classifications and AI register hold what the demo promises: about 25
// systems classified, some with several information sets, one at level 4, some overdue; and the
// two AI applications.

let database: TestDatabase;
let actor: ReturnType<typeof systemActor>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, productSeam());
  actor = systemActor((await findTenantBySlug(database.db, 'styrby'))!.id);
});
afterAll(() => database.dispose());

describe('demo classifications and AI register', () => {
  it('classifies about 25 systems, one at level 4, some overdue', async () => {
    const all = await listClassifications(database.db, actor, {
      limit: 200,
      includeArchived: false,
      sort: 'system',
    });
    const systems = new Set(all.items.map((c) => c.systemId));
    expect(systems.size).toBeGreaterThanOrEqual(24);
    expect(all.items.length).toBeGreaterThan(systems.size);
    const levels = await maxLevelsBySystem(database.db, actor.tenantId, [...systems]);
    const atFour = all.items.filter((c) => c.maxLevel === 4).map((c) => c.systemName);
    expect([...new Set(atFour)]).toEqual(['Verksamhetssystem socialtjänst']);
    expect(levels.get(all.items.find((c) => c.maxLevel === 4)!.systemId)).toMatchObject({
      confidentiality: 4,
    });
    expect(all.items.filter((c) => c.nextReviewOn < today()).length).toBeGreaterThanOrEqual(3);
  });

  it('holds the chatbot (limited) and the beslutsstöd (high risk, public benefits, FRIA done)', async () => {
    const ai = await listAiApplications(database.db, actor, { limit: 50, includeArchived: false });
    expect(ai.items.map((a) => [a.name, a.riskCategory, a.highRiskArea, a.friaOn !== null])).toEqual([
      ['Beslutsstöd ekonomiskt bistånd', 'high', 'essentialServices', true],
      ['Chattbot kundservice', 'limited', null, false],
    ]);
  });
});
