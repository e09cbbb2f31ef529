import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { clientSeam } from '../modules.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

// Every literal key the app asks for exists in Swedish and English (plurals as key_one/_other).

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('translations', () => {
  // The platform's messages and each module's under its own name, as app/platform/i18n.ts adds them.
  const svTree: Tree = { ...(sv as Tree) };
  const enTree: Tree = { ...(en as Tree) };
  for (const module of clientSeam.modules) {
    if (!module.messages) continue;
    svTree[module.name] = module.messages.sv;
    enTree[module.name] = module.messages.en;
  }
  const svKeys = new Set(keysOf(svTree));
  const enKeys = new Set(keysOf(enTree));

  test('Swedish and English have the same keys', () => {
    expect([...svKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !svKeys.has(k))).toEqual([]);
  });

  test('no module takes a name the platform messages use', () => {
    const clashes = clientSeam.modules.filter((m) => m.messages && m.name in (sv as Tree)).map((m) => m.name);
    expect(clashes).toEqual([]);
  });

  test('every label the seam registers exists (navigation, search sections, audit names)', () => {
    const labels = [
      ...clientSeam.navGroups.map((g) => g.label),
      ...clientSeam.nav.map((n) => n.label),
      ...[...clientSeam.search.values()].map((s) => s.label),
      ...[...clientSeam.startSections.values()].map((s) => s.label),
      ...clientSeam.scopeKinds.values(),
      ...[...clientSeam.audit.values()].map((a) => a.label),
      ...clientSeam.serverMessages.values(),
    ];
    expect(labels.filter((key) => !svKeys.has(key))).toEqual([]);
  });

  test('every key used in the app exists', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        const key = match[1] ?? '';
        if (!svKeys.has(key) && !svKeys.has(`${key}_one`))
          missing.push(`${key} (${file.slice(root.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
