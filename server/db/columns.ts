import { timestamp } from 'drizzle-orm/pg-core';

/** Every moment is stored as timestamptz (UTC) and read as a Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
