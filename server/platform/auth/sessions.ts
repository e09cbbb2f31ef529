import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiTokens, sessions } from './schema.ts';

// Ending a person's sessions and tokens inside the caller's transaction: archiving, deactivating,
// a password change or reset and the ending of access commit together, or not at all. Kept apart
// from ./service.ts (which reads the directory) so the directory's service can call it without a
// cycle. Every way a session is ended in bulk goes through here, so a cache of sessions has one
// place to hear of it.

/** Ends every session of a person, or every one but `exceptHash` (the one changing the password). */
export async function endSessionsIn(
  tx: Executor,
  tenantId: string,
  personId: string,
  exceptHash?: string,
): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.personId, personId),
        exceptHash ? ne(sessions.tokenHash, exceptHash) : undefined,
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Revokes every live API token of a person; answers the ids revoked, for the audit. */
export async function revokeTokensIn(tx: Executor, tenantId: string, personId: string): Promise<string[]> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return revoked.map((r) => r.id);
}
