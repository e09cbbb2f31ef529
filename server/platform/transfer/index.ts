// The import/export engine of the platform: see engine.ts. Modules import from here.
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
