import { type SQL, sql } from 'drizzle-orm';
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Every moment is stored as timestamptz (UTC) and read as a Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea as a Buffer (postgres.js answers Buffer, PGlite Uint8Array). drizzle-orm has no bytea. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

// Swedish alphabetical order as plain byte order. PGlite and the test servers use the C collation,
// and ICU collations (sv-SE-x-icu) are not in PGlite, so "ORDER BY name" would put Ä before Å and
// both after Z, and Émile after Zakrisson. The key lower-cases, folds other accents onto their
// letter (é → e, ü → y as Swedish dictionaries do) and maps å, ä, ö (æ, ø as ä, ö) to the three
// bytes after z: a–z, å, ä, ö. Computed by the database in a generated column, so every writer
// (services, imports, bulk loads) gets it right without a function to remember.
const FROM = 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň';
const TO = '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn';

/** The sort key of a text (see above), for `text(…).generatedAlwaysAs(sortKey(…))`. */
export function sortKey(text: SQL): SQL {
  return sql`translate(lower(${text}), '${sql.raw(FROM)}', '${sql.raw(TO)}')`;
}
