// The import/export engine of the platform. Modules import from here (HTTP parts: ./http.ts).
//
// A record type that can be imported and exported declares (see directory/transfer.ts):
//   - its columns: `column({ key, sv, en, aliases, required, parse: <Zod schema of the cell>, format })`;
//     headers match in Swedish or English, by key or alias, ignoring case, spaces and diacritics;
//   - a pure planner, rows → Plan (creates, updates, unchanged), every problem added to ImportErrors
//     with its line and field; `planByKeys` does it for records matched by unique keys;
//   - `load` (what rows are matched against) and `apply` (its service's writer of a plan);
// and `runImport` reads the file (CSV or XLSX, within the size and row limits), refuses it with
// every error or writes the plan in one transaction; `exportFile` writes the same columns back
// (CSV formula-safe through `formulaSafe`), so an export imports again unchanged.
export {
  type AnyColumn,
  type Column,
  column,
  type ImportRow,
  normalizeHeader,
  readRows,
  type ValuesOf,
} from './columns.ts';
export { CSV_TYPE, decodeText, detectDelimiter, formulaSafe, unFormulaSafe, writeCsv } from './csv.ts';
export {
  type ExportFile,
  type ExportFormat,
  exportFile,
  type ImportOptions,
  type ImportResult,
  type RecordType,
  runImport,
  XLSX_TYPE,
} from './engine.ts';
export { ImportErrors, MAX_ERRORS, type RowError } from './errors.ts';
export {
  addToPlan,
  changedFields,
  emptyPlan,
  groupBy,
  type KeyedPlanSpec,
  type MatchKey,
  type Plan,
  planByKeys,
  preferActive,
} from './plan.ts';
export {
  DEFAULT_LIMITS,
  MAX_FILE_BYTES,
  type ReadLimits,
  readSheet,
  type Sheet,
  type SheetRow,
} from './sheet.ts';
