import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
// @ts-expect-error oidc-provider ships without type declarations (and @types/oidc-provider is not a dependency)
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { seedPerson, seedTenant, signIn, type TestTenant } from '../../testing.ts';
import { auditEvents } from '../audit/schema.ts';
import * as directory from '../directory/service.ts';
import type { App } from '../http.ts';
import { SSO_COOKIE } from './oidc.ts';
import { SESSION_COOKIE } from './plugin.ts';
import { ssoIdentities } from './schema.ts';

// Single sign-on against a real OpenID Provider (oidc-provider) on 127.0.0.1, with the app
// listening for real so the redirect URI is a real one. The browser is played with fetch:
// manual redirects, cookies carried by hand, the provider's login and consent completed by a
// small interaction route of our own (what an IdP's login page would do).

const CLIENT_ID = 'styrbord';
const CLIENT_SECRET = 'a-client-secret-that-is-long-enough-for-hs256-0123456789';

/** The IdP's users, by subject. */
const accounts: Record<string, Record<string, unknown>> = {
  anna: { email: 'Anna.Berg@A.example', email_verified: true, given_name: 'Anna', family_name: 'Berg' },
  newbie: { email: 'ny.person@a.example', given_name: 'Ny', family_name: 'Persson', name: 'Ny Persson' },
  archived: { email: 'gone@a.example', given_name: 'Gone', family_name: 'Away' },
  inactive: { email: 'paused@a.example', given_name: 'Paused', family_name: 'Person' },
  // An address that a local account has, without the IdP vouching for it.
  unverified: { email: 'kassa@a.example', given_name: 'Falsk', family_name: 'Kassör' },
  denied: { email: 'kassa@a.example', email_verified: false, given_name: 'Falsk', family_name: 'Kassör' },
  verified: { email: 'vera@a.example', email_verified: true, given_name: 'Vera', family_name: 'Viss' },
  // Another subject asserting the verified address of an account already linked to `verified`.
  second: { email: 'vera@a.example', email_verified: true, given_name: 'Vera', family_name: 'Annan' },
  // An IdP such as Entra ID: no email_verified claim at all.
  entra: { email: 'eva.entra@a.example', given_name: 'Eva', family_name: 'Entra' },
};
/** The part of oidc-provider's API this test uses. */
interface Interaction {
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface IdentityProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}

/** Who logs in at the IdP's login page in the next flow. */
let loginAs = 'anna';

let idp: Server;
let provider: IdentityProvider;
let issuer: string;
let database: TestDatabase;
let app: App;
let appUrl: string;
let soloDatabase: TestDatabase;
let solo: TestTenant;
let soloApp: Running;
let ambiguousApp: Running;
let trustingApp: Running;
let a: TestTenant;
let b: TestTenant;
let defaultUnitId: string;

interface Running {
  app: App;
  url: string;
}
const running: Running[] = [];

/** An app with SSO on, listening on 127.0.0.1 with PUBLIC_URL set to where it listens. */
async function startApp(on: TestDatabase, extra: Record<string, string>): Promise<Running> {
  const env = {
    LOG_LEVEL: 'silent',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_NAME: 'Kommunens inloggning',
    ...extra,
  };
  const config = loadConfig(env);
  const started = await buildApp({ config, database: on, logger: false });
  const url = (await started.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  // Only now is the address known: it becomes the public URL (the redirect URI is built per use).
  Object.assign(config, loadConfig({ ...env, PUBLIC_URL: url }));
  const r = { app: started, url };
  running.push(r);
  return r;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function interaction(req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: loginAs } },
      { mergeWithLastSubmission: false },
    );
  }
  // consent: grant what the client asked for, as a first-party IdP configuration would.
  const accountId = details.session!.accountId!;
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId, clientId: details.params.client_id as string });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(
    req,
    res,
    { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true },
  );
}

beforeAll(async () => {
  // The IdP listens first so that its issuer URL is known; its client is registered once the
  // apps' addresses (and so their redirect URIs) are known.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  idp = createServer((req, res) => handler(req, res));
  issuer = `http://127.0.0.1:${await listen(idp)}`;

  database = await createTestDatabase();
  a = await seedTenant(database.db, 'a');
  b = await seedTenant(database.db, 'b');
  const unit = await directory.createUnit(database.db, a.actor, {
    name: 'Servicecenter',
    kind: 'office',
    costCentre: 'K4711',
  });
  defaultUnitId = unit.id;

  const main = await startApp(database, { OIDC_TENANT: 'a', OIDC_DEFAULT_UNIT: 'K4711' });
  app = main.app;
  appUrl = main.url;

  // One tenant and OIDC_TENANT unset: that tenant; OIDC_DEFAULT_UNIT as a unit id.
  soloDatabase = await createTestDatabase();
  solo = await seedTenant(soloDatabase.db, 'solo');
  soloApp = await startApp(soloDatabase, { OIDC_DEFAULT_UNIT: solo.unitId });
  // Two tenants and OIDC_TENANT unset: nobody can be placed, so nobody signs in.
  ambiguousApp = await startApp(database, {});
  // The operator vouches for the IdP's addresses.
  trustingApp = await startApp(database, {
    OIDC_TENANT: 'a',
    OIDC_DEFAULT_UNIT: 'K4711',
    OIDC_TRUST_EMAIL: 'true',
  });

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: running.map((r) => `${r.url}/api/v1/session/sso/callback`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name'],
    },
    cookies: { keys: ['test-cookie-key'] },
    jwks: {
      keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })],
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, sub: string) {
      const claims = accounts[sub];
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  }) as IdentityProvider;
  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  };
});

afterAll(async () => {
  for (const r of running) await r.app.close();
  await new Promise((resolve) => idp?.close(resolve));
  await database?.dispose();
  await soloDatabase?.dispose();
});

// ---------------------------------------------------------------- the browser

function cookiesOf(response: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const at = pair.indexOf('=');
    out.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return out;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

interface Flow {
  /** The IdP's authorization URL the app redirected to. */
  authorizeUrl: URL;
  /** The sealed flow cookie the app set. */
  flowCookie: string;
  /** Where the IdP sent the browser back to (the app's callback, with code and state). */
  callbackUrl: URL;
}

/** Start at the app and log in at the IdP, stopping before the callback reaches the app. */
async function throughIdp(subject: string, returnTo?: string, base = appUrl): Promise<Flow> {
  loginAs = subject;
  const start = await fetch(
    `${base}/api/v1/session/sso/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
    { redirect: 'manual' },
  );
  expect(start.status).toBe(302);
  const flowCookie = cookiesOf(start).get(SSO_COOKIE);
  expect(flowCookie).toBeTruthy();
  expect(start.headers.getSetCookie().find((c) => c.startsWith(`${SSO_COOKIE}=`))).toMatch(/HttpOnly/i);
  const authorizeUrl = new URL(start.headers.get('location')!);
  expect(authorizeUrl.origin).toBe(issuer);

  const idpJar = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(idpJar) } });
    for (const [k, v] of cookiesOf(response)) idpJar.set(k, v);
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the IdP stopped at ${url} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
    if (url.origin === base) return { authorizeUrl, flowCookie: flowCookie!, callbackUrl: url };
  }
  throw new Error('too many redirects at the IdP');
}

async function callback(url: URL | string, flowCookie?: string) {
  const response = await fetch(url, {
    redirect: 'manual',
    headers: flowCookie ? { cookie: `${SSO_COOKIE}=${flowCookie}` } : {},
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookies: cookiesOf(response),
  };
}

async function ssoSignIn(subject: string, returnTo?: string, base = appUrl) {
  const flow = await throughIdp(subject, returnTo, base);
  return callback(flow.callbackUrl, flow.flowCookie);
}

async function whoIs(sessionToken: string, on = app) {
  const response = await on.inject({
    url: '/api/v1/session',
    headers: { cookie: `${SESSION_COOKIE}=${sessionToken}` },
  });
  return { status: response.statusCode, body: response.json() };
}

// ---------------------------------------------------------------- tests

describe('GET /api/v1/session/sso', () => {
  it('tells the sign-in page that SSO is on, and under which name', async () => {
    const response = await app.inject({ url: '/api/v1/session/sso' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      enabled: true,
      name: 'Kommunens inloggning',
      startUrl: '/api/v1/session/sso/start',
    });
  });

  it('says off, and start is 404, when SSO is not configured', async () => {
    const plain = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
    try {
      expect((await plain.inject({ url: '/api/v1/session/sso' })).json()).toEqual({
        enabled: false,
        name: null,
        startUrl: null,
      });
      const start = await plain.inject({ url: '/api/v1/session/sso/start' });
      expect(start.statusCode).toBe(404);
      expect(start.headers['content-type']).toContain('application/problem+json');
      const back = await plain.inject({ url: '/api/v1/session/sso/callback?code=x&state=y' });
      expect(back.statusCode).toBe(302);
      expect(back.headers.location).toBe('/sign-in?error=sso');
    } finally {
      await plain.close();
    }
  });

  it('is in the OpenAPI document under auth', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/session/sso', '/api/v1/session/sso/start', '/api/v1/session/sso/callback']) {
      expect(spec.paths[path]?.get?.tags).toEqual(['auth']);
    }
    const params = spec.paths['/api/v1/session/sso/start'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(params).toContain('returnTo');
  });
});

describe('SSO start', () => {
  it('sends the browser to the IdP with PKCE, state and nonce', async () => {
    const response = await fetch(`${appUrl}/api/v1/session/sso/start?returnTo=/desk`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location')!);
    expect(to.origin).toBe(issuer);
    expect(to.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(to.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/v1/session/sso/callback`);
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toBeTruthy();
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SSO_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/session\/sso/);
    // The cookie is sealed: neither the state nor the verifier can be read from it.
    expect(cookie).not.toContain(to.searchParams.get('state')!);
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'desk', ''])(
    'refuses returnTo=%j',
    async (returnTo) => {
      const response = await app.inject({
        url: `/api/v1/session/sso/start?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe('querystring.returnTo');
    },
  );
});

describe('SSO sign-in', () => {
  it('(a) signs in an existing person matched by email, case-insensitively, in the configured tenant', async () => {
    const anna = await seedPerson(database.db, a, 'anna.berg@a.example', ['reader']);
    // The same address in another tenant must not be the one chosen.
    await seedPerson(database.db, b, 'anna.berg@a.example');

    const result = await ssoSignIn('anna', '/desk/tickets?view=mine');
    expect(result.status).toBe(302);
    expect(result.location).toBe('/desk/tickets?view=mine');
    const token = result.cookies.get(SESSION_COOKIE)!;
    expect(token).toBeTruthy();
    expect(result.cookies.get(SSO_COOKIE)).toBe('');

    const me = await whoIs(token);
    expect(me.status).toBe(200);
    expect(me.body.person.id).toBe(anna.id);
    expect(me.body.tenant.slug).toBe('a');
    expect(me.body.grants).toEqual([{ role: 'reader', scope: 'global', scopeId: null }]);
    expect(me.body.csrfToken).toBeTruthy();
    // No second person was made.
    const found = await directory.listPeople(database.db, a.actor, {
      search: 'anna.berg',
      limit: 10,
      includeArchived: true,
    });
    expect(found.items).toHaveLength(1);
  });

  it('sets the session cookie the way password sign-in does, and goes to / without returnTo', async () => {
    const flow = await throughIdp('anna');
    const response = await fetch(flow.callbackUrl, {
      redirect: 'manual',
      headers: { cookie: `${SSO_COOKIE}=${flow.flowCookie}` },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const sso = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const password = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: a.adminEmail, password: 'correct horse battery' },
      })
    ).headers['set-cookie'] as string;
    const attributes = (c: string) =>
      c
        .split(';')
        .slice(1)
        .map((s) => s.trim().toLowerCase())
        .filter((s) => !s.startsWith('expires='))
        .sort();
    expect(attributes(sso)).toEqual(attributes(Array.isArray(password) ? password[0]! : password));
  });

  it('(b) creates an unknown email as an employee in the default unit, audited', async () => {
    const result = await ssoSignIn('newbie', '/portal');
    expect(result.status).toBe(302);
    expect(result.location).toBe('/portal');
    const me = await whoIs(result.cookies.get(SESSION_COOKIE)!);
    expect(me.status).toBe(200);
    expect(me.body.tenant.slug).toBe('a');
    expect(me.body.person).toMatchObject({
      email: 'ny.person@a.example',
      givenName: 'Ny',
      familyName: 'Persson',
      unitId: defaultUnitId,
      active: true,
    });
    expect(me.body.grants).toEqual([{ role: 'employee', scope: 'global', scopeId: null }]);
    const personId = me.body.person.id as string;

    // The creation and the grant are in the audit trail, made by the SSO sign-in.
    const admin = await signIn(app, a.adminEmail);
    const audit = await app.inject({ url: `/api/v1/audit?entityId=${personId}`, headers: admin.headers() });
    expect(audit.statusCode).toBe(200);
    const events = audit.json().items as { action: string; actorName: string; actorId: string | null }[];
    // The creation, the grant and the link of the IdP's subject are by the SSO sign-in; the
    // sign-in itself is the person's own.
    expect(
      events
        .filter((e) => e.action !== 'sign-in')
        .map((e) => e.action)
        .sort(),
    ).toEqual(['create', 'grant-role', 'link-sso']);
    expect(events.filter((e) => e.action === 'sign-in')).toHaveLength(1);
    for (const e of events.filter((e) => e.action !== 'sign-in')) {
      expect(e.actorName).toBe('SSO (Kommunens inloggning)');
      expect(e.actorId).toBeNull();
    }

    // Signing in again finds the same person.
    const again = await ssoSignIn('newbie');
    expect((await whoIs(again.cookies.get(SESSION_COOKIE)!)).body.person.id).toBe(personId);
    const found = await directory.listPeople(database.db, a.actor, {
      search: 'ny.person',
      limit: 10,
      includeArchived: true,
    });
    expect(found.items).toHaveLength(1);
  });

  it('(c) refuses an archived person, and an inactive one', async () => {
    const gone = await seedPerson(database.db, a, 'gone@a.example');
    await directory.archivePerson(database.db, a.actor, gone.id, { version: gone.version, reason: 'Slutat' });
    const refused = await ssoSignIn('archived');
    expect(refused.status).toBe(302);
    expect(refused.location).toBe('/sign-in?error=sso');
    expect(refused.cookies.get(SESSION_COOKIE)).toBeUndefined();

    const paused = await seedPerson(database.db, a, 'paused@a.example');
    await directory.updatePerson(database.db, a.actor, paused.id, { version: paused.version, active: false });
    const alsoRefused = await ssoSignIn('inactive');
    expect(alsoRefused.location).toBe('/sign-in?error=sso');
    expect(alsoRefused.cookies.get(SESSION_COOKIE)).toBeUndefined();

    // Neither was replaced by a new person with the same address.
    const found = await directory.listPeople(database.db, a.actor, {
      search: 'gone@',
      limit: 10,
      includeArchived: true,
    });
    expect(found.items.map((p) => p.id)).toEqual([gone.id]);
  });

  it('(d) refuses a missing, tampered or foreign flow cookie and a changed state', async () => {
    const expectRefused = (r: { status: number; location: string | null; cookies: Map<string, string> }) => {
      expect(r.status).toBe(302);
      expect(r.location).toBe('/sign-in?error=sso');
      expect(r.cookies.get(SESSION_COOKIE)).toBeUndefined();
    };

    // No cookie at all.
    const missing = await throughIdp('anna');
    expectRefused(await callback(missing.callbackUrl));

    // A cookie with one character changed.
    const tampered = await throughIdp('anna');
    const c = tampered.flowCookie;
    const i = Math.floor(c.length / 2);
    const flipped = `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`;
    expectRefused(await callback(tampered.callbackUrl, flipped));

    // The state in the callback changed.
    const changed = await throughIdp('anna');
    const url = new URL(changed.callbackUrl);
    url.searchParams.set('state', 'forged-state');
    expectRefused(await callback(url, changed.flowCookie));

    // The cookie of another flow (the classic login CSRF: the attacker's code, the victim's cookie).
    const mine = await throughIdp('anna');
    const theirs = await throughIdp('newbie');
    expectRefused(await callback(theirs.callbackUrl, mine.flowCookie));

    // The IdP answering with an error, and a callback with garbage.
    const cancelled = await throughIdp('anna');
    const error = new URL(`${appUrl}/api/v1/session/sso/callback`);
    error.searchParams.set('error', 'access_denied');
    error.searchParams.set('state', cancelled.authorizeUrl.searchParams.get('state')!);
    error.searchParams.set('iss', issuer);
    expectRefused(await callback(error, cancelled.flowCookie));
    expectRefused(
      await callback(`${appUrl}/api/v1/session/sso/callback?code=a&code=b`, cancelled.flowCookie),
    );

    // The untouched flow still works: the refusals above were about the tampering.
    const good = await callback(mine.callbackUrl, mine.flowCookie);
    expect(good.location).toBe('/');
    expect(good.cookies.get(SESSION_COOKIE)).toBeTruthy();
  });

  it('uses the only tenant when OIDC_TENANT is unset, and OIDC_DEFAULT_UNIT may be a unit id', async () => {
    const result = await ssoSignIn('newbie', '/', soloApp.url);
    expect(result.location).toBe('/');
    const me = await whoIs(result.cookies.get(SESSION_COOKIE)!, soloApp.app);
    expect(me.body.tenant.slug).toBe('solo');
    expect(me.body.person).toMatchObject({ email: 'ny.person@a.example', unitId: solo.unitId });
    expect(me.body.grants).toEqual([{ role: 'employee', scope: 'global', scopeId: null }]);
  });

  it('refuses everyone when OIDC_TENANT is unset and there are several tenants', async () => {
    const result = await ssoSignIn('anna', '/', ambiguousApp.url);
    expect(result.location).toBe('/sign-in?error=sso');
    expect(result.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a code that was already used', async () => {
    const flow = await throughIdp('anna');
    const first = await callback(flow.callbackUrl, flow.flowCookie);
    expect(first.cookies.get(SESSION_COOKIE)).toBeTruthy();
    const replay = await callback(flow.callbackUrl, flow.flowCookie);
    expect(replay.location).toBe('/sign-in?error=sso');
    expect(replay.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });
});

describe('SSO does not take over local accounts', () => {
  const linksOf = (personId: string) =>
    database.db
      .select()
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.tenantId, a.id), eq(ssoIdentities.personId, personId)));
  const auditOf = (personId: string, action: string) =>
    database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, a.id),
          eq(auditEvents.entityId, personId),
          eq(auditEvents.action, action),
        ),
      );

  it('refuses an address the IdP has not verified when a local account has it, and says why', async () => {
    const cashier = await seedPerson(database.db, a, 'kassa@a.example', ['economist']);
    for (const subject of ['unverified', 'denied']) {
      const refused = await ssoSignIn(subject);
      expect(refused.status).toBe(302);
      expect(refused.location).toBe('/sign-in?error=sso-unverified');
      expect(refused.cookies.get(SESSION_COOKIE)).toBeUndefined();
    }
    expect(await linksOf(cashier.id)).toEqual([]);
    expect(await auditOf(cashier.id, 'link-sso')).toEqual([]);
    // The local account is untouched: its password still signs in.
    await signIn(app, 'kassa@a.example');
  });

  it('links a verified address once, audited, then matches the subject even when the email changes', async () => {
    const vera = await seedPerson(database.db, a, 'vera@a.example', ['reader']);
    const first = await ssoSignIn('verified');
    expect(first.location).toBe('/');
    expect((await whoIs(first.cookies.get(SESSION_COOKIE)!)).body.person.id).toBe(vera.id);
    const links = await linksOf(vera.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ issuer, subject: 'verified' });
    const linked = await auditOf(vera.id, 'link-sso');
    expect(linked).toHaveLength(1);
    expect(linked[0]!.actorName).toBe('SSO (Kommunens inloggning)');
    expect(JSON.stringify(linked[0]!.changes)).toContain('verified-email');

    // Another subject of the same IdP with the same (verified) address does not get the account.
    const other = await ssoSignIn('second');
    expect(other.location).toBe('/sign-in?error=sso');
    expect(other.cookies.get(SESSION_COOKIE)).toBeUndefined();

    // The address changes at the IdP, even to one another person here has: the subject decides.
    const someoneElse = await seedPerson(database.db, a, 'vera.ny@a.example');
    const original = accounts.verified!.email;
    accounts.verified!.email = 'vera.ny@a.example';
    try {
      const again = await ssoSignIn('verified');
      const me = await whoIs(again.cookies.get(SESSION_COOKIE)!);
      expect(me.body.person.id).toBe(vera.id);
      expect(me.body.person.id).not.toBe(someoneElse.id);
    } finally {
      accounts.verified!.email = original;
    }
    expect(await linksOf(vera.id)).toHaveLength(1);
    expect(await linksOf(someoneElse.id)).toEqual([]);
    expect(await auditOf(vera.id, 'link-sso')).toHaveLength(1);
    expect((await auditOf(vera.id, 'sign-in')).length).toBeGreaterThanOrEqual(2);
  });

  it('links an address without email_verified only when OIDC_TRUST_EMAIL is on', async () => {
    const eva = await seedPerson(database.db, a, 'eva.entra@a.example');
    const refused = await ssoSignIn('entra');
    expect(refused.location).toBe('/sign-in?error=sso-unverified');
    expect(await linksOf(eva.id)).toEqual([]);

    const trusted = await ssoSignIn('entra', '/', trustingApp.url);
    expect(trusted.location).toBe('/');
    expect((await whoIs(trusted.cookies.get(SESSION_COOKIE)!, trustingApp.app)).body.person.id).toBe(eva.id);
    const linked = await auditOf(eva.id, 'link-sso');
    expect(linked).toHaveLength(1);
    expect(JSON.stringify(linked[0]!.changes)).toContain('trusted-email');

    // Once linked, the subject is matched, so the app without the flag signs her in too.
    const later = await ssoSignIn('entra');
    expect(later.location).toBe('/');
    expect((await whoIs(later.cookies.get(SESSION_COOKIE)!)).body.person.id).toBe(eva.id);
  });
});
