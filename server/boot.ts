// The server's process entry (`npm start` runs it after the build check): makes loading the code
// cheaper, then runs main.ts. Only node: modules are imported here, so both measures are in place
// before the first dependency is resolved.
//
// 1. Node's compile cache keeps compiled (and type-stripped) modules on disk between starts.
// 2. A resolve hook for relative imports inside node_modules. To learn whether a `.js` file is ESM,
//    Node reads its package's package.json, and for every module anew deserialises that file's
//    `exports` map: drizzle-orm's is 179 kB and it loads 112 modules, which cost 0.8–1 s of each
//    start on the reference machine (0.1 s with this hook). The hook answers those imports itself,
//    from the nearest package.json's "type" field, read once per folder: the rule Node applies to
//    a relative `.js` path. Where that package.json names no type (Node would then look at the
//    syntax) and for everything else, Node resolves unchanged.

import { readFileSync } from 'node:fs';
import { enableCompileCache, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

enableCompileCache();

type Format = 'module' | 'commonjs' | undefined;
const formatOfFolder = new Map<string, Format>();

/** The "type" declared by the package.json nearest to `folder`, if it declares one. */
function declaredFormat(folder: string): Format {
  if (formatOfFolder.has(folder)) return formatOfFolder.get(folder);
  let format: Format;
  let manifest: string | undefined;
  try {
    manifest = readFileSync(join(folder, 'package.json'), 'utf8');
  } catch {
    const parent = dirname(folder);
    format = parent === folder || folder.endsWith('/node_modules') ? undefined : declaredFormat(parent);
  }
  if (manifest !== undefined) {
    try {
      const { type } = JSON.parse(manifest) as { type?: unknown };
      format = type === 'module' || type === 'commonjs' ? type : undefined;
    } catch {
      format = undefined; // Node reports a broken package.json itself.
    }
  }
  formatOfFolder.set(folder, format);
  return format;
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (
      parent?.startsWith('file:') &&
      parent.includes('/node_modules/') &&
      (specifier.startsWith('./') || specifier.startsWith('../')) &&
      /\.[cm]?js$/.test(specifier)
    ) {
      const path = fileURLToPath(new URL(specifier, parent));
      const format = path.endsWith('.mjs')
        ? 'module'
        : path.endsWith('.cjs')
          ? 'commonjs'
          : declaredFormat(dirname(path));
      if (format) return { url: pathToFileURL(path).href, format, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

await import('./main.ts');
