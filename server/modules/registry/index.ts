import { contractsPart } from './contracts/index.ts';
import { combineParts } from './part.ts';
import { suppliersPart } from './suppliers/index.ts';
import { systemsPart } from './systems/index.ts';

// The system register (registry): which systems the municipality has and who answers for each,
// how they connect, how their information is classified, and what they cost. One Module on the
// seam, combined from its parts (./part.ts); each part is a folder with its own schema, service,
// policy use, routes and tests.

export const registryModule = combineParts('registry', [systemsPart, suppliersPart, contractsPart]);
