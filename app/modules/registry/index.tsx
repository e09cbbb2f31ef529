import { aiPart } from './ai/index.tsx';
import { classificationPart } from './classification/index.tsx';
import { contractsPart } from './contracts/index.tsx';
import { en } from './en.ts';
import { importPart } from './import/index.tsx';
import { integrationsPart } from './integrations/index.tsx';
import { managementPart } from './management/index.tsx';
import { combineClientParts } from './part.ts';
import { privacyPart } from './privacy/index.tsx';
import { processesPart } from './processes/index.tsx';
import { qualityPart } from './quality/index.tsx';
import { recordsPart } from './records/index.tsx';
import { servicesPart } from './services/index.tsx';
import { sv } from './sv.ts';
import { systemsPart } from './systems/index.tsx';

// The system register on the web app's seam, combined from its parts (./part.ts): one folder per
// part, each with its pages, its messages (./sv.ts, ./en.ts) and what it registers.

export const registryModule = combineClientParts('registry', { sv, en }, [
  systemsPart,
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
  qualityPart,
]);
