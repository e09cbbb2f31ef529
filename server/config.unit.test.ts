import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to PGlite in ./data on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.port).toBe(3000);
    // Unset: main.ts loads the demo only into a fresh PGlite directory.
    expect(config.demoData).toBeUndefined();
    expect(config.trustProxy).toBe(false);
    expect(config.oidc).toBeUndefined();
    expect(config.fileMaxBytes).toBe(20 * 1024 * 1024);
  });

  it('takes the largest attachment from FILE_MAX_BYTES', () => {
    expect(loadConfig({ FILE_MAX_BYTES: '1000' }).fileMaxBytes).toBe(1000);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/styrbord', DATA_DIR: '/x' });
    expect(config.database).toMatchObject({ kind: 'pg', url: 'postgres://u@db:5432/styrbord' });
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16,::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('takes DATABASE_MIGRATION_URL only with DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db/s',
      DATABASE_MIGRATION_URL: 'postgres://owner@db/s',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://app@db/s',
      migrationUrl: 'postgres://owner@db/s',
    });
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://owner@db/s' })).toThrow(
      /^DATABASE_MIGRATION_URL="postgres:\/\/owner@db\/s" is invalid: expected set together with DATABASE_URL/,
    );
  });

  it.each([
    [{ TRUST_PROXY: 'yes please' }, /^TRUST_PROXY="yes please" is invalid: expected true, false, a number/],
    [{ PORT: 'eighty' }, /^PORT="eighty" is invalid: expected/],
    [{ PORT: '70000' }, /^PORT="70000" is invalid/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x" is invalid: expected a postgres:\/\/ URL/],
    [{ DEMO_DATA: 'maybe' }, /^DEMO_DATA="maybe" is invalid: expected one of 0, 1, true, false/],
    [
      { OIDC_ISSUER: 'https://idp.example' },
      /^OIDC_CLIENT_ID is invalid: expected set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/,
    ],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" is invalid: expected one of/],
    [{ SMTP_URL: 'http://mail:secret@x' }, /^SMTP_URL is invalid: expected an smtp:\/\/ or smtps:\/\/ URL$/],
    [{ MAIL_FROM: 'not an address' }, /^MAIL_FROM="not an address" is invalid: expected an address/],
    [{ FILE_MAX_BYTES: '20MB' }, /^FILE_MAX_BYTES="20MB" is invalid/],
    [{ FILE_MAX_BYTES: '0' }, /^FILE_MAX_BYTES="0" is invalid: expected a number >=1/],
    [{ FILE_MAX_BYTES: String(2 * 1024 ** 3) }, /^FILE_MAX_BYTES="2147483648" is invalid/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('sends mail through SMTP_URL from MAIL_FROM, or only logs it without SMTP_URL', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: 'Styrbord <noreply@localhost>' });
    const config = loadConfig({
      SMTP_URL: 'smtps://styrbord:hemligt@smtp.kommun.se:465',
      MAIL_FROM: 'IT-avdelningen <it@kommun.se>',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://styrbord:hemligt@smtp.kommun.se:465',
      from: 'IT-avdelningen <it@kommun.se>',
    });
    expect(loadConfig({ MAIL_FROM: 'it@kommun.se' }).mail.from).toBe('it@kommun.se');
  });

  it('listens for inbound mail only when MAIL_INBOUND_PORT is set', () => {
    expect(loadConfig({}).inboundMail).toBeUndefined();
    expect(loadConfig({ MAIL_INBOUND_PORT: '2525', HOST: '127.0.0.1' }).inboundMail).toEqual({
      port: 2525,
      host: '127.0.0.1',
      maxBytes: 25 * 1024 * 1024,
    });
    expect(
      loadConfig({ MAIL_INBOUND_PORT: '25', MAIL_INBOUND_HOST: '10.0.0.5', MAIL_INBOUND_MAX_BYTES: '5000' })
        .inboundMail,
    ).toEqual({ port: 25, host: '10.0.0.5', maxBytes: 5000 });
    expect(() => loadConfig({ MAIL_INBOUND_PORT: 'smtp' })).toThrow(/^MAIL_INBOUND_PORT="smtp" is invalid/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});
