import { contractsPart } from './contracts/index.tsx';
import { en } from './en.ts';
import { combineClientParts } from './part.ts';
import { sv } from './sv.ts';
import { systemsPart } from './systems/index.tsx';

// The system register on the web app's seam, combined from its parts (./part.ts): one folder per
// part, each with its pages, its messages (./sv.ts, ./en.ts) and what it registers.

export const registryModule = combineClientParts('registry', { sv, en }, [systemsPart, contractsPart]);
