import type { ModulePart } from '../../platform/module-parts.ts';
import type { QualityCheck } from './quality/check.ts';

// The registry is written as parts (systems, integrations, classification, records management,
// GDPR, AI, suppliers and contracts …), combined by the platform's combineParts
// (server/platform/module-parts.ts). A registry part may also bring checks for the data-quality
// dashboard, which ./index.ts hands to the quality part.

export type { Made, PartWalk } from '../../platform/module-parts.ts';
export { combineParts } from '../../platform/module-parts.ts';

export interface Part extends ModulePart {
  /** Checks of the data-quality dashboard on the part's own records (./quality). */
  quality?: QualityCheck[];
}
