// The registry's web side is written as parts, combined by the platform's combineClientParts
// (app/platform/module-parts.ts). Messages are combined in ./sv.ts and ./en.ts.

export { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
