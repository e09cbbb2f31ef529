import { en } from './en.ts';
import { managementPart } from './management/index.tsx';
import { combineClientParts } from './part.ts';
import { privacyPart } from './privacy/index.tsx';
import { sv } from './sv.ts';
import { systemsPart } from './systems/index.tsx';

// The system register on the web app's seam, combined from its parts (./part.ts): one folder per
// part, each with its pages, its messages (./sv.ts, ./en.ts) and what it registers.

export const registryModule = combineClientParts('registry', { sv, en }, [
  systemsPart,
  privacyPart,
  managementPart,
]);
