import postgres from 'postgres';

/**
 * Runs statements one by one on a single short-lived connection to a PostgreSQL server: for what
 * must happen outside any application database (create or drop one, probe that a server answers).
 * Throws when the server cannot be reached within `timeoutSeconds`.
 */
export async function onServer(url: string, statements: string[], timeoutSeconds = 10): Promise<void> {
  const client = postgres(url, { max: 1, connect_timeout: timeoutSeconds, onnotice: () => {} });
  try {
    for (const statement of statements) await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 1 });
  }
}
