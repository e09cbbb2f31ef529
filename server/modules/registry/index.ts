import { aiPart } from './ai/index.ts';
import { classificationPart } from './classification/index.ts';
import { contractsPart } from './contracts/index.ts';
import { importPart } from './import/index.ts';
import { integrationsPart } from './integrations/index.ts';
import { managementPart } from './management/index.ts';
import { combineParts, type Part } from './part.ts';
import { privacyPart } from './privacy/index.ts';
import { processesPart } from './processes/index.ts';
import { qualityPart } from './quality/index.ts';
import { recordsPart } from './records/index.ts';
import { servicesPart } from './services/index.ts';
import { suppliersPart } from './suppliers/index.ts';
import { systemsPart } from './systems/index.ts';

// The system register (registry): which systems the municipality has and who answers for each,
// how they connect, how their information is classified, and what they cost. One Module on the
// seam, combined from its parts (./part.ts); each part is a folder with its own schema, service,
// policy use, routes and tests.

const parts: Part[] = [
  systemsPart,
  suppliersPart,
  contractsPart,
  integrationsPart,
  classificationPart,
  aiPart,
  processesPart,
  recordsPart,
  privacyPart,
  managementPart,
  servicesPart,
  importPart,
];

export const registryModule = combineParts('registry', [
  ...parts,
  qualityPart(parts.flatMap((p) => p.quality ?? [])),
]);
