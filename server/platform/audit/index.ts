import type { Module } from '../seam.ts';
import { auditRoutes } from './routes.ts';

// The audit trail on the seam. It names and links the records of every module through their
// `auditEntities`, so it knows none of them.

export const auditModule: Module = {
  name: 'audit',
  routes(app, { db, seam }) {
    auditRoutes(app, db, seam);
  },
};
