import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './support.ts';

// Once per e2e run: the server loads the demo municipality into a fresh PGlite directory and stops
// (cleanly, so the directory is a consistent database). Every file's server then starts on its own
// copy of it (startServer): the same demo for each, and a second to start instead of half a minute.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PGlite directory holding the loaded demo; copied, never opened itself. */
    demoTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = mkdtempSync(join(tmpdir(), 'styrbord-e2e-demo-'));
  const server = await startServer({}, template);
  await server.stop({ keepData: true });
  project.provide('demoTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
