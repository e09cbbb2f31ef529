import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import { type DatabaseHandle, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { resetPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import * as directory from '../server/platform/directory/service.ts';
import { Problem } from '../server/platform/errors.ts';
import { personCreate, personListQuery } from '../shared/directory.ts';

// `npm run admin:create -- --tenant slug --tenant-name "Name" --email x --given-name A --family-name B`
//
// The first admin of a production installation (DEMO_DATA=false): creates the tenant when it is
// missing (kind municipality), creates the person, grants admin and prints a temporary password
// once; the person must change it at the first sign-in. When the person already exists in the
// tenant it gets the admin role (if missing) and a new temporary password: the way back in for an
// installation whose only admin has lost the password.

const usage =
  'usage: npm run admin:create -- --tenant <slug> [--tenant-name "<name>"] --email <address> ' +
  '--given-name <name> --family-name <name>';

function fail(message: string, code = 1): never {
  console.error(`admin:create: ${message}`);
  process.exit(code);
}

let args: Record<string, string | boolean | undefined>;
try {
  args = parseArgs({
    options: {
      tenant: { type: 'string' },
      'tenant-name': { type: 'string' },
      email: { type: 'string' },
      'given-name': { type: 'string' },
      'family-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]} (${usage})`, 2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const text = (name: string) => {
  const value = args[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const missing = ['tenant', 'email', 'given-name', 'family-name'].filter((name) => !text(name));
if (missing.length > 0) fail(`missing ${missing.map((m) => `--${m}`).join(', ')} (${usage})`, 2);

const slug = text('tenant') ?? '';
if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) {
  fail(`--tenant "${slug}" must be lower-case letters, digits and hyphens, e.g. "styrby"`, 2);
}
const parsed = personCreate.safeParse({
  givenName: text('given-name'),
  familyName: text('family-name'),
  email: text('email'),
});
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0]);
  const option = { givenName: 'given-name', familyName: 'family-name', email: 'email' }[field] ?? field;
  fail(`--${option} is invalid: ${issue?.message ?? 'unknown error'}`, 2);
}
const input = parsed.data;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 2);
  throw error;
}

let database: DatabaseHandle | undefined;
try {
  database = await openDatabase(
    config.database.kind === 'pg'
      ? { kind: 'pg', url: config.database.url, poolSize: 1 }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  ).catch((error: Error) => fail(`cannot open the database: ${error.message}`));
  await migrate(database);
  const db = database.db;

  let tenant = await directory.findTenantBySlug(db, slug);
  if (!tenant) {
    const name = text('tenant-name');
    if (!name) fail(`there is no tenant "${slug}" yet; give its name with --tenant-name "<name>"`, 2);
    tenant = await directory.createTenant(db, { slug, name, kind: 'municipality' });
    console.log(`Created the tenant ${tenant.name} (${tenant.slug}).`);
  }
  const actor = systemActor(tenant.id, 'admin:create');

  const { items } = await directory.listPeople(
    db,
    actor,
    personListQuery.parse({ search: input.email, limit: 200 }),
  );
  let person = items.find((p) => p.email === input.email);
  if (person) {
    console.log(
      `${person.givenName} ${person.familyName} <${person.email}> already exists in ${tenant.name}.`,
    );
  } else {
    person = await directory.createPerson(db, actor, input);
    console.log(`Created ${person.givenName} ${person.familyName} <${person.email}> in ${tenant.name}.`);
  }
  const grants = (await directory.activeGrants(db, tenant.id, [person.id])).get(person.id) ?? [];
  if (grants.some((g) => g.role === 'admin')) {
    console.log('They already hold the admin role.');
  } else {
    await directory.grantRole(db, actor, { personId: person.id, role: 'admin' });
    console.log('Granted the admin role.');
  }
  const password = await resetPassword(db, actor, person.id);
  console.log(`Temporary password (shown only now; it must be changed at the first sign-in): ${password}`);
  if (config.demoData !== false && config.database.kind === 'pglite') {
    console.log(
      'Tip: set DEMO_DATA=false in production; it also keeps npm run demo:reset from wiping this database.',
    );
  }
} catch (error) {
  if (error instanceof Problem) fail(error.detail ?? error.code);
  throw error;
} finally {
  await database?.close();
}
