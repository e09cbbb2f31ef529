// Every table, for drizzle-kit and the typed client. Modules add their schema.ts here.
export * from '../modules/org/schema.ts';
export * from '../platform/audit/schema.ts';
export * from '../platform/auth/schema.ts';
export * from '../platform/files/schema.ts';
