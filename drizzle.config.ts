import { defineConfig } from 'drizzle-kit';

// Every table lives in a schema.ts beside the code that writes it: the platform's parts and each
// module (server/modules.ts lists the modules). drizzle-kit reads them all.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/platform/**/schema.ts', './server/modules/**/schema.ts'],
  out: './migrations',
});
