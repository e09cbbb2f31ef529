import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';

export async function loadDemandsDemo(_db: Database, _tenant: DemoContext, _made: Made) {}
