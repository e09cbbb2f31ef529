// Exports guard against formula injection by prefixing an apostrophe to a text that a
// spreadsheet would run as a formula (OWASP "CSV injection"); imports take it off again, so the
// round trip is exact. Every CSV the server writes passes its cells through escapeFormula.

const FORMULA_START = /^[=+\-@\t\r]/;

/** `=SUM(A1)` → `'=SUM(A1)`; any other text unchanged. */
export const escapeFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

/** The inverse of escapeFormula, for imports of files we (or Excel) exported. */
export const unescapeFormula = (s: string): string =>
  s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
