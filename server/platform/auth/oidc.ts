import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import * as client from 'openid-client';
import { personCreate } from '../../../shared/directory.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { type Actor, systemActor } from '../context.ts';
import { people, tenants } from '../directory/schema.ts';
import * as directory from '../directory/service.ts';
import { isUniqueViolation, Problem } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTenant } from '../tenancy.ts';
import { ssoIdentities } from './schema.ts';
import { createSession } from './service.ts';

// OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) against the
// municipality's own identity provider, configured by OIDC_* in the environment.
//
// App processes are stateless, so what the callback must check (state, nonce, PKCE verifier,
// where to go afterwards) travels in a short-lived cookie, encrypted and authenticated with
// AES-256-GCM under a key derived from the client secret: the browser can neither read nor
// change it, and no other deployment (with another secret) can mint one.

export type OidcSettings = NonNullable<Config['oidc']>;

/** The short-lived cookie that carries the flow's checks from start to callback. */
export const SSO_COOKIE = 'styrbord_sso';
export const SSO_COOKIE_PATH = '/api/v1/session/sso';
export const SSO_FLOW_MINUTES = 10;

export const CALLBACK_PATH = '/api/v1/session/sso/callback';
export const START_PATH = '/api/v1/session/sso/start';
export const SCOPE = 'openid email profile';

/** A path on this site: one leading slash, never `//host` or `/\host` (which browsers treat as another host). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
export const SAME_SITE_PATH = /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/;

export function isSameSitePath(value: string): boolean {
  return value.length <= 2000 && SAME_SITE_PATH.test(value);
}

/**
 * A sign-in that must not go ahead; the message is logged, never shown to the person. `code`,
 * when set, is what the sign-in page explains (`/sign-in?error=<code>`); otherwise it says `sso`.
 */
export class SsoRefused extends Error {
  readonly code: SsoErrorCode;
  constructor(message: string, code: SsoErrorCode = 'sso') {
    super(message);
    this.code = code;
  }
}

/**
 * What the sign-in page can tell the person: `sso` (it did not work; ask IT if it persists), or
 * `sso-unverified` (an account with your address exists here, but your IdP has not confirmed that
 * the address is yours, so it cannot be linked; ask IT).
 */
export type SsoErrorCode = 'sso' | 'sso-unverified';

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** Epoch milliseconds after which the flow is void. */
  expires: number;
}

export interface SsoIdentity {
  /** The IdP's issuer (`iss`) and its stable id of the person (`sub`): what links them to a person. */
  issuer: string;
  subject: string;
  email: string;
  /** The IdP's `email_verified`; undefined when it sends no such claim. */
  emailVerified?: boolean;
  givenName?: string;
  familyName?: string;
  name?: string;
}

// ---------------------------------------------------------------- the sealed flow cookie

function flowKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'styrbord', 'styrbord sso flow cookie v1', 32));
}

export function sealFlow(secret: string, flow: FlowState): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', flowKey(secret), iv);
  cipher.setAAD(Buffer.from(SSO_COOKIE));
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The flow in the cookie, or undefined when it is missing, altered, sealed with another key or expired. */
export function openFlow(
  secret: string,
  sealed: string | undefined,
  now = Date.now(),
): FlowState | undefined {
  if (!sealed || sealed.length > 4096) return undefined;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 12 + 16 + 2) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', flowKey(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(SSO_COOKIE));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([
      decipher.update(raw.subarray(12, raw.length - 16)),
      decipher.final(),
    ]).toString('utf8');
    const flow = JSON.parse(text) as FlowState;
    if (
      typeof flow.state !== 'string' ||
      typeof flow.nonce !== 'string' ||
      typeof flow.verifier !== 'string' ||
      typeof flow.returnTo !== 'string' ||
      typeof flow.expires !== 'number' ||
      flow.expires < now ||
      !isSameSitePath(flow.returnTo)
    ) {
      return undefined;
    }
    return flow;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the relying party

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
}

export class OidcClient {
  readonly settings: OidcSettings;
  readonly #config: Pick<Config, 'publicUrl'>;
  #discovered: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings, config: Pick<Config, 'publicUrl'>) {
    this.settings = settings;
    this.#config = config;
  }

  /** `${PUBLIC_URL}/api/v1/session/sso/callback`, as registered at the IdP. */
  get redirectUri(): string {
    return `${this.#config.publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
  }

  /** Discovery happens on first use and is kept; a failed attempt is forgotten so the next one retries. */
  configuration(): Promise<client.Configuration> {
    if (!this.#discovered) {
      const issuer = new URL(this.settings.issuer);
      // Plain http only towards an IdP on this machine (development and tests).
      const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
      this.#discovered = client
        .discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret,
          client.ClientSecretBasic(this.settings.clientSecret),
          { timeout: 10, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
        )
        .catch((error: unknown) => {
          this.#discovered = undefined;
          throw error;
        });
    }
    return this.#discovered;
  }

  /** The IdP address to send the browser to, and the sealed cookie value that must come back with it. */
  async begin(returnTo: string): Promise<{ url: string; cookie: string }> {
    if (!isSameSitePath(returnTo)) throw new SsoRefused('returnTo is not a same-site path');
    const configuration = await this.configuration();
    const flow: FlowState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo,
      expires: Date.now() + SSO_FLOW_MINUTES * 60_000,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: sealFlow(this.settings.clientSecret, flow) };
  }

  /**
   * Checks the IdP's answer against the flow in the cookie, redeems the code and returns who
   * signed in, with the place to go afterwards. `query` is the callback's query string.
   */
  async finish(
    query: string,
    sealed: string | undefined,
  ): Promise<{ identity: SsoIdentity; returnTo: string }> {
    const flow = openFlow(this.settings.clientSecret, sealed);
    if (!flow) throw new SsoRefused('the flow cookie is missing, altered or expired');
    const configuration = await this.configuration();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SsoRefused(`the IdP's answer was refused: ${describeError(error)}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoRefused('no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    const wanted = ['email', 'given_name', 'family_name'];
    if (
      wanted.some((c) => typeof claims[c] !== 'string') &&
      configuration.serverMetadata().userinfo_endpoint
    ) {
      try {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        // The ID token is the signed statement; userinfo only fills in what it left out.
        claims = { ...info, ...claims };
      } catch (error) {
        throw new SsoRefused(`userinfo failed: ${describeError(error)}`);
      }
    }
    if (typeof claims.email !== 'string' || !claims.email.trim()) throw new SsoRefused('no email claim');
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
    // Some IdPs send the claim as a string.
    const verified = claims.email_verified;
    return {
      identity: {
        issuer: idClaims.iss,
        subject: idClaims.sub,
        email: claims.email,
        emailVerified:
          verified === true || verified === 'true'
            ? true
            : verified === false || verified === 'false'
              ? false
              : undefined,
        givenName: text(claims.given_name),
        familyName: text(claims.family_name),
        name: text(claims.name),
      },
      returnTo: flow.returnTo,
    };
  }
}

/** For the log: openid-client's code, the IdP's error, the message and what caused it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: string; error?: string; error_description?: string };
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  return [e.code, e.error, e.error_description, e.message, cause].filter(Boolean).join(': ');
}

// ---------------------------------------------------------------- from identity to session

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

function cleanName(value: string | undefined): string | undefined {
  const cleaned = value?.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).trim();
  return cleaned || undefined;
}

/** Given and family name from the claims: the split claims, else `name` split at its last space, else the email. */
export function namesOf(identity: SsoIdentity): { givenName: string; familyName: string } {
  let givenName = cleanName(identity.givenName);
  let familyName = cleanName(identity.familyName);
  const full = cleanName(identity.name);
  if ((!givenName || !familyName) && full) {
    const at = full.lastIndexOf(' ');
    givenName ??= at > 0 ? full.slice(0, at) : full;
    familyName ??= at > 0 ? full.slice(at + 1) : undefined;
  }
  const local = identity.email.split('@')[0] ?? identity.email;
  return { givenName: givenName ?? cleanName(local) ?? '-', familyName: familyName ?? '-' };
}

async function resolveTenant(db: Database, settings: OidcSettings) {
  if (settings.tenant) {
    const tenant = await directory.findTenantBySlug(db, settings.tenant);
    if (!tenant) throw new SsoRefused(`OIDC_TENANT=${settings.tenant} names no tenant`);
    return tenant;
  }
  const all = await db.select({ id: tenants.id }).from(tenants).limit(2);
  if (all.length !== 1) throw new SsoRefused('OIDC_TENANT is unset and there is not exactly one tenant');
  return all[0]!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit of OIDC_DEFAULT_UNIT (a unit id or a cost centre), or null when it is unset. */
async function resolveDefaultUnit(
  db: Database,
  actor: Actor,
  settings: OidcSettings,
): Promise<string | null> {
  const wanted = settings.defaultUnit;
  if (!wanted) return null;
  if (UUID.test(wanted)) {
    const unit = await directory.getUnit(db, actor, wanted).catch(() => undefined);
    if (unit && !unit.archivedAt) return unit.id;
  }
  // A cost centre: the list search also matches names, so keep only the exact cost centre.
  const page = await directory.listUnits(db, actor, { search: wanted, limit: 200, includeArchived: false });
  const unit = page.items.find(
    (u) => u.costCentre !== null && u.costCentre.toLowerCase() === wanted.toLowerCase(),
  );
  if (!unit) throw new SsoRefused(`OIDC_DEFAULT_UNIT=${wanted} names no active unit in the tenant`);
  return unit.id;
}

async function findByEmail(db: Database, tenantId: string, email: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.email, email)));
  return row;
}

/** The person this issuer's subject was linked to, if any. */
async function findBySubject(db: Database, tenantId: string, identity: SsoIdentity) {
  const [row] = await db
    .select({ person: people })
    .from(ssoIdentities)
    .innerJoin(
      people,
      and(eq(people.tenantId, ssoIdentities.tenantId), eq(people.id, ssoIdentities.personId)),
    )
    .where(
      and(
        eq(ssoIdentities.tenantId, tenantId),
        eq(ssoIdentities.issuer, identity.issuer),
        eq(ssoIdentities.subject, identity.subject),
      ),
    );
  return row?.person;
}

type LinkReason = 'created' | 'verified-email' | 'trusted-email';

/**
 * Links the IdP's subject to a person, audited. A second link of the same subject (two first
 * sign-ins at once) is no error when it names the same person; the person already linked to
 * another subject of this issuer is refused, since that would be a second identity taking over.
 */
async function link(db: Database, actor: Actor, personId: string, identity: SsoIdentity, reason: LinkReason) {
  try {
    await inTenant(db, actor, async (s) => {
      const id = newId();
      await s.insert(ssoIdentities, {
        id,
        issuer: identity.issuer,
        subject: identity.subject,
        personId,
      });
      await s.audit({
        entity: 'person',
        entityId: personId,
        action: 'link-sso',
        after: { issuer: identity.issuer, subject: identity.subject, email: identity.email, reason },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const linked = await findBySubject(db, actor.tenantId, identity);
    if (linked?.id !== personId) {
      throw new SsoRefused(`person ${personId} is already linked to another subject of ${identity.issuer}`);
    }
  }
}

/**
 * The person who signed in. First by the IdP's issuer and subject, linked at an earlier sign-in;
 * the email then no longer matters (it may change at the IdP). Else by email in the SSO tenant,
 * but an existing account is linked only when the IdP asserts `email_verified: true` or the
 * operator trusts its addresses (OIDC_TRUST_EMAIL): otherwise anyone who can put an address into
 * the IdP could take over the local account that has it. Else a new employee in the default unit.
 * Archived and inactive people are refused.
 */
export async function personForIdentity(
  db: Database,
  settings: OidcSettings,
  identity: SsoIdentity,
  requestId?: string,
  retry = true,
): Promise<{ person: directory.PersonRow; created: boolean }> {
  const tenant = await resolveTenant(db, settings);
  const actor: Actor = { ...systemActor(tenant.id, `SSO (${settings.name})`), requestId };
  const refuseInactive = (person: { id: string; archivedAt: Date | null; active: boolean }) => {
    if (person.archivedAt) throw new SsoRefused(`person ${person.id} is archived`);
    if (!person.active) throw new SsoRefused(`person ${person.id} is inactive`);
  };

  const linked = await findBySubject(db, tenant.id, identity);
  if (linked) {
    refuseInactive(linked);
    return { person: linked, created: false };
  }

  const email = identity.email.trim().toLowerCase();
  let person = await findByEmail(db, tenant.id, email);
  let created = false;
  if (person) {
    refuseInactive(person);
    const reason: LinkReason | undefined =
      identity.emailVerified === true ? 'verified-email' : settings.trustEmail ? 'trusted-email' : undefined;
    if (!reason) {
      throw new SsoRefused(
        `person ${person.id} has the address ${email}, but the IdP did not assert email_verified (and OIDC_TRUST_EMAIL is off)`,
        'sso-unverified',
      );
    }
    await link(db, actor, person.id, identity, reason);
    return { person, created };
  }

  // A new person: nobody's account is at stake, but an address the IdP says is unverified is not taken.
  if (identity.emailVerified === false) throw new SsoRefused('the IdP says the email is not verified');
  const unitId = await resolveDefaultUnit(db, actor, settings);
  const input = personCreate.safeParse({ ...namesOf(identity), email, unitId });
  if (!input.success) throw new SsoRefused(`the claims do not make a valid person: ${input.error.message}`);
  try {
    person = await directory.createPerson(db, actor, input.data, ['employee']);
    created = true;
  } catch (error) {
    // Two first sign-ins at once: the other one created the person. Decide again as for an
    // existing person (by subject, else by email under the rules above), never link blindly.
    if (!(error instanceof Problem && error.status === 409 && retry)) throw error;
    return personForIdentity(db, settings, identity, requestId, false);
  }
  await link(db, actor, person.id, identity, 'created');
  return { person, created };
}

/** Opens a session for the identity; the caller sets the cookie. */
export async function signInWithIdentity(
  db: Database,
  settings: OidcSettings,
  identity: SsoIdentity,
  sessionHours: number,
  requestId?: string,
) {
  const { person, created } = await personForIdentity(db, settings, identity, requestId);
  const session = await createSession(db, person, 'oidc', sessionHours, requestId);
  return { ...session, created };
}
