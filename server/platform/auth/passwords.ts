import { hash, verify } from '@node-rs/argon2';

// argon2id at the OWASP minimum (19 MiB, 2 passes). The hash string carries its parameters,
// so raising them later still verifies old hashes.
const ARGON2ID = 2; // Algorithm.Argon2id; the enum is ambient const and cannot be imported here

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches makes an unknown email take as long as a known
// one, so response times do not reveal who has an account.
let dummy: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword('not a real password');
  await verifyPassword(await dummy, password);
}
