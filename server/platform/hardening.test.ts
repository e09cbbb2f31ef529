import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestContext, seedPerson, signIn, type TestContext } from '../testing.ts';

// The HTTP edge: the gate follows the route the router matched, not the spelling of the URL;
// security headers; which proxies may tell the client's address.

let t: TestContext;
let base: string;
beforeAll(async () => {
  t = await createTestContext();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => t.close());

/** A request with the path exactly as written (fetch and inject would normalise some of them). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const [host, port] = base.split(':');
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host, port: Number(port), method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const VARIANTS = [
  '/%61pi/v1/units',
  '/api/v1/%75nits',
  '/api/%761/units',
  '//api/v1/units',
  '/api/v1/units/',
  '/API/v1/units',
  '/api/v1//units',
  '/api/v1/units?x=/api/health',
];

describe('the authentication gate', () => {
  it.each(VARIANTS)('answers %s without identity with 401 or 404, never data', async (path) => {
    const response = await raw('GET', path);
    expect([401, 404]).toContain(response.status);
    expect(response.body).not.toContain(t.a.unitId);
  });

  it('gates a percent-encoded path to a route like the plain one', async () => {
    expect((await raw('GET', '/%61pi/v1/units')).status).toBe(401);
    const post = await raw(
      'POST',
      '/%61pi/v1/units',
      { 'content-type': 'application/json' },
      JSON.stringify({ name: 'Smuggel', kind: 'office' }),
    );
    expect(post.status).toBe(401);
    // Signed in without the admin role: the route's own authorization applies too.
    await seedPerson(t.db, t.a, 'anstalld@a.example');
    const employee = await signIn(t.app, 'anstalld@a.example');
    const denied = await raw(
      'POST',
      '/%61pi/v1/units',
      employee.headers({ 'content-type': 'application/json' }),
      JSON.stringify({ name: 'Smuggel', kind: 'office' }),
    );
    expect(denied.status).toBe(403);
    // Without the CSRF header a cookie-authenticated write is refused on any spelling.
    const noCsrf = await raw(
      'POST',
      '/api/v1/%75nits',
      { cookie: employee.cookie, 'content-type': 'application/json' },
      JSON.stringify({ name: 'Smuggel', kind: 'office' }),
    );
    expect(noCsrf.status).toBe(403);
    expect(JSON.parse(noCsrf.body).code).toBe('csrf-failed');
    // And the signed-in admin reads through the encoded spelling as through the plain one.
    const admin = await signIn(t.app, t.a.adminEmail);
    expect((await raw('GET', '/%61pi/v1/units', admin.headers())).status).toBe(200);
  });

  it('treats one Idempotency-Key on two spellings of a path as the same request', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const headers = admin.headers({ 'content-type': 'application/json', 'idempotency-key': 'stavning-1' });
    const body = JSON.stringify({ name: 'En gång', kind: 'office' });
    const first = await raw('POST', '/api/v1/units', headers, body);
    expect(first.status).toBe(201);
    const again = await raw('POST', '/%61pi/v1/units', headers, body);
    expect(again.status).toBe(201);
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy and the helmet headers, no HSTS over http', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-request-id']).toBe(
      response.json().requestId ?? response.headers['x-request-id'],
    );
    // Errors carry them too.
    const missing = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(response.headers['content-security-policy']);
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://styrbord.example.se' });
    const app = await buildApp({ config, database: t.database, logger: false });
    try {
      const response = await app.inject({ url: '/api/health' });
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});

describe('trusted proxies', () => {
  async function ipSeen(env: Record<string, string>) {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const app = await buildApp({ config, database: t.database, logger: false });
    app.get('/test/whoami', { schema: { hide: true } }, async (request) => ({
      ip: request.ip,
      protocol: request.protocol,
    }));
    try {
      const response = await app.inject({
        url: '/test/whoami',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
      });
      return response.json() as { ip: string; protocol: string };
    } finally {
      await app.close();
    }
  }

  it('ignores X-Forwarded-For by default', async () => {
    expect(await ipSeen({})).toEqual({ ip: '10.0.0.2', protocol: 'http' });
  });

  it('follows X-Forwarded-For from a trusted proxy only', async () => {
    expect(await ipSeen({ TRUST_PROXY: 'true' })).toEqual({ ip: '203.0.113.7', protocol: 'https' });
    expect((await ipSeen({ TRUST_PROXY: '10.0.0.0/8' })).ip).toBe('203.0.113.7');
    expect((await ipSeen({ TRUST_PROXY: '192.168.1.1' })).ip).toBe('10.0.0.2');
    expect((await ipSeen({ TRUST_PROXY: '1' })).ip).toBe('203.0.113.7');
  });
});
