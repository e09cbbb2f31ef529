import { and, eq, isNull } from 'drizzle-orm';
import { defineNotification } from '../notifications/kinds.ts';
import { apiTokens } from './schema.ts';

// Identity's notifications: a password reset by an administrator, an API token about to expire.

const day = (iso: string, locale: string) =>
  new Date(iso).toLocaleDateString(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/**
 * An administrator reset your password. In the inbox only: the security mail of the change
 * (mail/templates.ts `passwordChanged`) always goes out and cannot be turned off here.
 */
export const passwordReset = defineNotification<{ by: string }>({
  kind: 'platform.password-reset',
  label: { sv: 'Ditt lösenord har återställts', en: 'Your password was reset' },
  sv: (p) => `${p.by} återställde ditt lösenord. Välj ett nytt när du loggar in.`,
  en: (p) => `${p.by} reset your password. Choose a new one when you sign in.`,
});

/** One of your API tokens expires soon (a reminder, a week before). */
export const apiTokenExpiring = defineNotification<{ name: string; expiresAt: string }>({
  kind: 'platform.api-token-expiring',
  label: { sv: 'En API-token går snart ut', en: 'An API token expires soon' },
  sv: (p) => `Din API-token ”${p.name}” går ut ${day(p.expiresAt, 'sv-SE')}. Skapa en ny i tid.`,
  en: (p) => `Your API token "${p.name}" expires on ${day(p.expiresAt, 'en-GB')}. Create a new one in time.`,
  mail: { default: true },
  // Not when the token was revoked meanwhile.
  async stillDue(db, tenantId, record) {
    const [token] = await db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, record.id), isNull(apiTokens.revokedAt)));
    return token !== undefined;
  },
});

/** How long before expiry the reminder comes. */
export const TOKEN_REMINDER_DAYS = 7;
