import iconv from 'iconv-lite';

// SIE 4i: the Swedish import format for vouchers (verifikationer) that every finance system a
// kommun runs reads (Raindance, Unit4/Agresso, Visma). The file is text in IBM PC8 (CP437), one
// record per line (CRLF), fields separated by spaces, text in quotes. What a finance system refuses
// is checked here before a byte is written: every voucher balances to zero, every object a
// transaction names is declared under a declared dimension, and amounts carry at most two
// decimals. The chargeback run builds the vouchers; this module only writes them.

/** The dimensions SIE reserves (1 kostnadsställe/resultatenhet, 6 projekt). Others may be added. */
export const SIE_DIMENSIONS = { costCentre: 1, project: 6 } as const;

export interface SieTransaction {
  account: string;
  /** Dimension number → object code, e.g. `{ 1: '4100', 6: 'P123' }`. */
  objects?: Readonly<Record<number, string>>;
  /** In öre, signed: debit positive, credit negative. */
  amountOre: number;
  text?: string;
  quantity?: number;
}

export interface SieVoucher {
  series: string;
  /** Empty lets the receiving system number it (the usual choice for an import file). */
  number?: number;
  /** YYYY-MM-DD. */
  date: string;
  text: string;
  transactions: readonly SieTransaction[];
}

export interface SieFile {
  program: { name: string; version: string };
  /** YYYY-MM-DD. */
  generatedOn: string;
  generatedBy?: string;
  company: { name: string; orgNr?: string };
  accounts?: readonly { number: string; name: string }[];
  dimensions: readonly { number: number; name: string }[];
  objects: readonly { dimension: number; code: string; name: string }[];
  vouchers: readonly SieVoucher[];
}

/** Why a file could not be written, with where: the caller turns it into a problem. */
export class SieError extends Error {
  readonly where: string;
  constructor(message: string, where: string) {
    super(`${where}: ${message}`);
    this.where = where;
  }
}

/** Writes the file as CP437 bytes; throws SieError when it would not be accepted. */
export function writeSie(file: SieFile): Buffer {
  return iconv.encode(sieText(file), 'cp437');
}

/** The file's text before encoding (what the tests and a preview read). */
export function sieText(file: SieFile): string {
  check(file);
  const lines: string[] = [
    '#FLAGGA 0',
    `#PROGRAM ${quote(file.program.name)} ${quote(file.program.version)}`,
    '#FORMAT PC8',
    `#GEN ${compactDate(file.generatedOn, 'generatedOn')}${file.generatedBy ? ` ${quote(file.generatedBy)}` : ''}`,
    '#SIETYP 4',
  ];
  if (file.company.orgNr) lines.push(`#ORGNR ${quote(file.company.orgNr)}`);
  lines.push(`#FNAMN ${quote(file.company.name)}`);
  for (const a of file.accounts ?? []) lines.push(`#KONTO ${quote(a.number)} ${quote(a.name)}`);
  for (const d of file.dimensions) lines.push(`#DIM ${d.number} ${quote(d.name)}`);
  for (const o of file.objects) lines.push(`#OBJEKT ${o.dimension} ${quote(o.code)} ${quote(o.name)}`);
  file.vouchers.forEach((v, i) => {
    const date = compactDate(v.date, `vouchers[${i}].date`);
    const number = v.number === undefined ? '""' : String(v.number);
    lines.push(`#VER ${quote(v.series)} ${number} ${date} ${quote(v.text)}`, '{');
    for (const t of v.transactions) {
      const objects = Object.entries(t.objects ?? {})
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([dim, code]) => `${dim} ${quote(code)}`)
        .join(' ');
      let line = `   #TRANS ${quote(t.account)} {${objects}} ${amount(t.amountOre)}`;
      if (t.text !== undefined || t.quantity !== undefined) line += ` "" ${quote(t.text ?? '')}`;
      if (t.quantity !== undefined) line += ` ${t.quantity}`;
      lines.push(line);
    }
    lines.push('}');
  });
  return `${lines.join('\r\n')}\r\n`;
}

function check(file: SieFile) {
  const dims = new Set(file.dimensions.map((d) => d.number));
  const declared = new Set<string>();
  file.objects.forEach((o, i) => {
    if (!dims.has(o.dimension))
      throw new SieError(`dimension ${o.dimension} is not declared`, `objects[${i}]`);
    declared.add(`${o.dimension}\u0000${o.code}`);
  });
  file.vouchers.forEach((v, i) => {
    if (v.transactions.length === 0) throw new SieError('a voucher needs transactions', `vouchers[${i}]`);
    let sum = 0;
    v.transactions.forEach((t, j) => {
      const where = `vouchers[${i}].transactions[${j}]`;
      if (!Number.isSafeInteger(t.amountOre)) throw new SieError('amount must be whole öre', where);
      if (t.account.trim() === '') throw new SieError('account is empty', where);
      for (const [dim, code] of Object.entries(t.objects ?? {})) {
        if (!declared.has(`${dim}\u0000${code}`))
          throw new SieError(`object ${code} of dimension ${dim} is not declared`, where);
      }
      sum += t.amountOre;
    });
    if (sum !== 0) throw new SieError(`the voucher does not balance (${amount(sum)})`, `vouchers[${i}]`);
  });
}

/** Öre as kronor with a decimal point, as SIE writes amounts: -1234.50. */
function amount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${kr}` : `${sign}${kr}.${String(rest).padStart(2, '0')}`;
}

function compactDate(date: string, where: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SieError('date must be YYYY-MM-DD', where);
  return date.replaceAll('-', '');
}

// Typography that names carry (Björkskolan F–6, "Skol’s") but CP437 lacks: their plain forms,
// rather than the '?' the encoder would write.
const PLAIN: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
};

/**
 * A field in quotes. Quotes inside are escaped with a backslash (SIE 4, 5.7); control characters,
 * which would break a record over lines, become spaces. Dashes and curly quotes become their plain
 * forms; other characters CP437 lacks become '?' when encoded (Swedish letters are all in it).
 */
function quote(text: string): string {
  const clean = text
    .replace(/[–—‘’“”…]/g, (c) => PLAIN[c]!)
    .replace(/\p{Cc}/gu, ' ')
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"');
  return `"${clean}"`;
}
