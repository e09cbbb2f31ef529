import { TZDate } from '@date-fns/tz';
import type { CallImportField, CallImportReport, CallOutcome } from '../../../../shared/desk/phone.ts';
import { line } from '../../../../shared/text.ts';
import { problems } from '../../../platform/errors.ts';
import { normalizeHeader, type Sheet } from '../../../platform/transfer/index.ts';

// Reading a telephony system's call statistics: which column holds what (Swedish or English
// headers as the usual exports write them, or the caller's mapping), and each row as a call, with
// every bad cell reported by its line. Pure, so that it is tested without a database.

export const ZONE = 'Europe/Stockholm';

/** The headers each field is known by, compared as normalizeHeader compares them. */
const headers: Record<CallImportField, string[]> = {
  at: [
    'at',
    'tid',
    'time',
    'tidpunkt',
    'starttid',
    'start time',
    'start',
    'datum och tid',
    'datum/tid',
    'date and time',
    'date/time',
    'datetime',
    'timestamp',
    'samtalets start',
    'call start',
    'inkommande',
    'ankomsttid',
    'arrival time',
  ],
  date: ['date', 'datum', 'dag', 'day'],
  queue: [
    'queue',
    'kö',
    'könamn',
    'queue name',
    'svarsgrupp',
    'answer group',
    'hunt group',
    'grupp',
    'group',
    'tjänst',
    'service',
  ],
  waitedSeconds: [
    'waitedSeconds',
    'väntetid',
    'väntetid (s)',
    'väntetid (sek)',
    'väntetid sekunder',
    'väntetid i sekunder',
    'tid i kö',
    'tid i kö (s)',
    'kötid',
    'kötid (s)',
    'wait',
    'wait (s)',
    'wait time',
    'wait time (s)',
    'waiting time',
    'time in queue',
    'queue time',
    'seconds waited',
  ],
  outcome: [
    'outcome',
    'besvarat',
    'besvarad',
    'answered',
    'utfall',
    'resultat',
    'result',
    'status',
    'samtalsstatus',
    'call status',
  ],
};

const fieldByHeader = new Map<string, CallImportField>(
  Object.entries(headers).flatMap(([field, names]) =>
    names.map((n) => [normalizeHeader(n), field as CallImportField] as const),
  ),
);

const ANSWERED = [
  'answered',
  'ja',
  'j',
  'yes',
  'y',
  '1',
  'true',
  'sant',
  'x',
  'besvarat',
  'besvarad',
  'svarat',
  'connected',
];
const ABANDONED = [
  'abandoned',
  'nej',
  'n',
  'no',
  '0',
  'false',
  'falskt',
  'avbrutet',
  'avbruten',
  'avbrutit',
  'obesvarat',
  'obesvarad',
  'tappat',
  'tappad',
  'lagt på',
  'lade på',
  'missed',
  'unanswered',
  'hung up',
];
const outcomeWords = new Map<string, CallOutcome>([
  ...ANSWERED.map((w) => [normalizeHeader(w), 'answered'] as const),
  ...ABANDONED.map((w) => [normalizeHeader(w), 'abandoned'] as const),
]);

export type ColumnChoice = CallImportReport['columns'][number];
export type ImportError = CallImportReport['errors'][number];

/** Which column fills which field: the caller's mapping first, else the header; others ignored. */
export function chooseColumns(
  sheet: Sheet,
  mapping: Record<string, string> | undefined,
  errors: ImportError[],
): ColumnChoice[] {
  const known = new Set<string>(Object.keys(headers));
  const given = new Map<number, CallImportField | null>();
  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (field !== '' && !known.has(field))
      throw problems.field(
        'querystring.mapping',
        `Unknown field "${field}" for the column "${header}"; the fields are ${[...known].join(', ')}`,
      );
    let index = sheet.header.findIndex((h) => h.trim() === header.trim());
    if (index < 0) index = sheet.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
    if (index < 0) throw problems.field('querystring.mapping', `The file has no column "${header}"`);
    given.set(index, field === '' ? null : (field as CallImportField));
  }
  const taken = new Map<CallImportField, number>();
  const columns = sheet.header.map((raw, index): ColumnChoice => {
    const header = raw.trim();
    const mapped = given.get(index);
    const field =
      mapped !== undefined ? mapped : header ? (fieldByHeader.get(normalizeHeader(header)) ?? null) : null;
    const source = mapped !== undefined ? (mapped ? 'mapping' : 'ignored') : field ? 'auto' : 'ignored';
    if (field) {
      const before = taken.get(field);
      if (before !== undefined) {
        errors.push({
          line: sheet.headerLine,
          field,
          message: `The columns "${sheet.header[before]!.trim()}" and "${header}" both fill ${field}; map one of them to another field or ignore it`,
        });
        return { index, header, field: null, source: 'ignored' };
      }
      taken.set(field, index);
    }
    return { index, header, field, source };
  });
  const names: Record<CallImportField, string> = {
    at: 'Tid (Time)',
    date: 'Datum (Date)',
    queue: 'Kö (Queue)',
    waitedSeconds: 'Väntetid (Wait)',
    outcome: 'Besvarat (Answered)',
  };
  for (const field of ['at', 'queue', 'waitedSeconds', 'outcome'] as const)
    if (!taken.has(field))
      errors.push({
        line: sheet.headerLine,
        field,
        message: `No column holds ${names[field]}; map one of the columns to ${field}`,
      });
  return columns;
}

export interface ParsedCall {
  line: number;
  at: Date;
  queue: string;
  waitedSeconds: number;
  outcome: CallOutcome;
}

// ExcelJS shows a date cell as JavaScript's Date#toString of the cell's wall clock taken as UTC
// ("Mon Jan 05 2026 08:03:04 GMT+0000 (…)", in the server's own zone): read back as that instant,
// its UTC fields are the wall clock the workbook holds, which is Stockholm time.
const EXCEL_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

interface WallClock {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
  ms: number;
  offset?: string;
}

function excelWallClock(text: string): WallClock | undefined {
  if (!EXCEL_DATE.test(text)) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    h: date.getUTCHours(),
    min: date.getUTCMinutes(),
    s: date.getUTCSeconds(),
    ms: 0,
  };
}

function isoWallClock(text: string): WallClock | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  return {
    y: Number(m[1]),
    m: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    min: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    ms: m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
    offset: m[8],
  };
}

function valid(c: WallClock): boolean {
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.h > 23 || c.min > 59 || c.s > 59) return false;
  return c.d <= new Date(Date.UTC(c.y, c.m, 0)).getUTCDate();
}

/** The instant of a wall clock: at its own offset, or in Stockholm when it has none. */
function instant(c: WallClock): Date {
  if (c.offset) {
    const o = c.offset.toUpperCase();
    const sign = o === 'Z' ? 0 : o.startsWith('-') ? -1 : 1;
    const digits = o.replace(/\D/g, '');
    const minutes = o === 'Z' ? 0 : Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    return new Date(Date.UTC(c.y, c.m - 1, c.d, c.h, c.min, c.s, c.ms) - sign * minutes * 60_000);
  }
  return new Date(new TZDate(c.y, c.m - 1, c.d, c.h, c.min, c.s, c.ms, ZONE).getTime());
}

const TIME_HELP = 'Must be a time YYYY-MM-DD HH:MM[:SS], with an offset or in Swedish time';

/** A call's time from its cell, or from a date cell and a clock cell. */
export function parseTime(text: string, dateText?: string): Date | string {
  let clock: WallClock | undefined;
  if (dateText !== undefined) {
    const day = excelWallClock(dateText) ?? isoWallClock(dateText);
    const time = excelWallClock(text);
    const hm = CLOCK.exec(text);
    if (!day || day.h + day.min + day.s !== 0 || day.offset) return 'Must be a date YYYY-MM-DD';
    if (time) clock = { ...day, h: time.h, min: time.min, s: time.s };
    else if (hm) clock = { ...day, h: Number(hm[1]), min: Number(hm[2]), s: Number(hm[3] ?? 0) };
    else return 'Must be a time of day HH:MM[:SS]';
  } else {
    clock = excelWallClock(text) ?? isoWallClock(text);
    // A date alone is not the time of a call (unless a date column gives the day).
    if (!clock || (!EXCEL_DATE.test(text) && ISO.exec(text)?.[4] === undefined)) return TIME_HELP;
  }
  if (!valid(clock)) return 'No such date or time';
  const at = instant(clock);
  if (at.getUTCFullYear() < 2000) return 'The time is before the year 2000';
  if (at.getTime() > Date.now() + 24 * 3600_000) return 'The time is in the future';
  return at;
}

/** Seconds of a wait: 45, 45.0, 45,4 (rounded), 0:45, 1:05 or 00:01:05. */
export function parseWait(text: string): number | string {
  const t = text.replace(/\s/g, '');
  let seconds: number | undefined;
  if (/^\d{1,6}([.,]\d+)?$/.test(t)) seconds = Math.round(Number(t.replace(',', '.')));
  else {
    const m = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/.exec(t);
    if (m && Number(m[3]) < 60) seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  }
  if (seconds === undefined) {
    if (/^-/.test(t)) return 'A wait cannot be negative';
    return 'Must be a number of seconds (45) or minutes and seconds (0:45)';
  }
  if (seconds > 24 * 3600) return 'A wait longer than a day is not a phone call';
  return seconds;
}

export function parseOutcome(text: string): CallOutcome | string {
  return (
    outcomeWords.get(normalizeHeader(text)) ??
    `Unknown outcome "${text}"; use ja/nej, besvarat/avbrutet or answered/abandoned`
  );
}

const queueText = line(200);

/** Every row of the sheet as a call; each bad cell is an error of its line. */
export function parseCalls(sheet: Sheet, columns: ColumnChoice[], errors: ImportError[]): ParsedCall[] {
  const at = (field: CallImportField) => columns.find((c) => c.field === field)?.index;
  const iAt = at('at');
  const iDate = at('date');
  const iQueue = at('queue');
  const iWait = at('waitedSeconds');
  const iOutcome = at('outcome');
  if (iAt === undefined || iQueue === undefined || iWait === undefined || iOutcome === undefined) return [];
  const calls: ParsedCall[] = [];
  for (const row of sheet.rows) {
    const cell = (i: number) => (row.cells[i] ?? '').trim();
    const bad = (field: string, message: string) => errors.push({ line: row.line, field, message });
    const before = errors.length;
    const required = (i: number, field: string) => {
      const text = cell(i);
      if (text === '') bad(field, 'Required');
      return text;
    };
    const timeText = required(iAt, 'at');
    const dateText = iDate === undefined ? undefined : required(iDate, 'date');
    const queue = required(iQueue, 'queue');
    const waitText = required(iWait, 'waitedSeconds');
    const outcomeText = required(iOutcome, 'outcome');
    if (errors.length > before) continue;
    const time = parseTime(timeText, dateText);
    if (typeof time === 'string') bad(iDate !== undefined && time.includes('date') ? 'date' : 'at', time);
    const queueOk = queueText.safeParse(queue);
    if (!queueOk.success) bad('queue', queueOk.error.issues[0]?.message ?? 'Invalid');
    const wait = parseWait(waitText);
    if (typeof wait === 'string') bad('waitedSeconds', wait);
    const outcome = parseOutcome(outcomeText);
    if (outcome !== 'answered' && outcome !== 'abandoned') bad('outcome', outcome);
    if (errors.length > before) continue;
    calls.push({
      line: row.line,
      at: time as Date,
      queue,
      waitedSeconds: wait as number,
      outcome: outcome as CallOutcome,
    });
  }
  return calls;
}

/** The natural key's sequence: 1, 2 … among calls of the file alike in every field. */
export function numberDuplicates(calls: readonly ParsedCall[]): (ParsedCall & { seq: number })[] {
  const seen = new Map<string, number>();
  return calls.map((c) => {
    const key = `${c.at.getTime()}|${c.queue}|${c.waitedSeconds}|${c.outcome}`;
    const seq = (seen.get(key) ?? 0) + 1;
    seen.set(key, seq);
    return { ...c, seq };
  });
}
