import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie, a CSRF token or an API token. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: fast to look up, useless if the table leaks. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** API tokens carry a recognisable prefix so secret scanners and people can tell them apart. */
export const API_TOKEN_PREFIX = 'sbt_';
