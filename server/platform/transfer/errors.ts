import { problems } from '../errors.ts';

// Every problem an import finds, collected so that one answer lists them all (DESIGN.md "Data
// integrity": report every bad row with its line number and reason, then write nothing).

/** One bad cell, row or header: `line` null is the file as a whole, `field` null the whole row. */
export interface RowError {
  line: number | null;
  field: string | null;
  message: string;
}

/** How many errors an answer lists; the detail says how many there were. */
export const MAX_ERRORS = 1000;

export class ImportErrors {
  readonly found: RowError[] = [];

  get total(): number {
    return this.found.length;
  }

  add(line: number | null, field: string | null, message: string) {
    this.found.push({ line, field, message });
  }

  /** Errors in line order (those of one line in the order found), the file's own first. */
  sorted(): RowError[] {
    return this.found.slice().sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  /** A 400 problem listing the first MAX_ERRORS as `line N.field`, when there is any error. */
  throwIfAny() {
    const total = this.found.length;
    if (total === 0) return;
    const items = this.sorted()
      .slice(0, MAX_ERRORS)
      .map((e) => ({ path: errorPath(e), message: e.message }));
    const detail =
      total > items.length
        ? `${total} errors in the file; the first ${items.length} are listed. Nothing was imported.`
        : `${total} ${total === 1 ? 'error' : 'errors'} in the file. Nothing was imported.`;
    throw problems.validation(items, detail);
  }
}

/** The path of an error in a problem answer: `line 7.email`, `line 3`, `file`. */
export function errorPath(e: RowError): string {
  const where = e.line === null ? 'file' : `line ${e.line}`;
  return e.field ? `${where}.${e.field}` : where;
}

/** A problem with the file as a whole (unreadable, empty, too long). */
export const fileProblem = (message: string) => problems.validation([{ path: 'file', message }], message);
