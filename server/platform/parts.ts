import { auditModule } from './audit/index.ts';
import { identityModule } from './auth/index.ts';
import { directoryModule } from './directory/index.ts';
import { filesModule } from './files/index.ts';
import { notificationsModule } from './notifications/index.ts';
import type { Module } from './seam.ts';
import { shellModule } from './shell/index.ts';

/** The platform's own parts, registered on the seam before the modules of server/modules.ts. */
export const platformParts: readonly Module[] = [
  identityModule,
  directoryModule,
  auditModule,
  filesModule,
  shellModule,
  notificationsModule,
];
