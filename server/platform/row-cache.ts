// What a process has rendered from a row (a record's API JSON), kept with the version of the row it
// was rendered from: PostgreSQL's xmin, which every change of the row replaces, whichever column,
// writer or trigger made it. A list then asks the database for its rows' ids and versions only and
// reads the records of those it does not hold at that version: on a page of 50 systems the records
// were nearly all of the bytes the database sent and Node decoded, and they change far less often
// than they are listed. Nothing is served stale, in any process and without a notification: a row
// whose version differs is read again. Keys carry the tenant, and a list reads only its own
// tenant's rows, so an entry is never found through another tenant.

export class RowCache<V> {
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  readonly #entries = new Map<string, { version: string; value: V; bytes: number }>();
  #bytes = 0;

  /**
   * At most `maxBytes` of values (by `sizeOf`); the first read go first when full. Not the least
   * recently used: a lookup stays a plain map read, which a page does fifty times.
   */
  constructor(maxBytes: number, sizeOf: (value: V) => number) {
    this.#maxBytes = maxBytes;
    this.#sizeOf = sizeOf;
  }

  get size() {
    return this.#entries.size;
  }

  /** The value rendered from this version of the row, if held. */
  get(tenantId: string, id: string, version: string): V | undefined {
    const entry = this.#entries.get(`${tenantId}:${id}`);
    return entry?.version === version ? entry.value : undefined;
  }

  set(tenantId: string, id: string, version: string, value: V) {
    const key = `${tenantId}:${id}`;
    const bytes = this.#sizeOf(value);
    if (bytes > this.#maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.bytes;
    }
    this.#entries.set(key, { version, value, bytes });
    this.#bytes += bytes;
    while (this.#bytes > this.#maxBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value!;
      this.#entries.delete(oldestKey);
      this.#bytes -= oldest.bytes;
    }
  }
}
