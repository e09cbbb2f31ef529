import { periodBounds } from '../../../../shared/catalogue/runs.ts';
import { SIE_DIMENSIONS, SieError, type SieFile, type SieTransaction, type SieVoucher } from './sie.ts';

// A month's run lines as SIE vouchers: what the finance system books for the chargeback. Pure (no
// database), so that the SIE route and the benchmark build the same file from the same lines.
//
// One voucher per cost centre (kostnadsställe), dated the month's last day: one debit
// transaction per account and project (activity) on that cost centre, the lines' amounts summed,
// and one credit transaction of the voucher's total to the IT unit's income account on the IT
// unit's cost centre, so that every voucher balances by construction (the internal sale: the
// unit's cost is the IT unit's income). Corrections and credits are signed lines like the rest:
// they lower a sum, and a sum that comes to zero is left out rather than written as a 0 row.
// The kontering dimensions written are SIE's reserved ones: 1 (kostnadsställe) and 6 (projekt,
// the activity code); every object named is declared with a name when the caller knows one.
// The counterpart (motpart) is not a SIE dimension here: lines that differ only in it are summed.

/** The fields of a run line the vouchers need (a catalogue_run_lines row has them all). */
export interface VoucherLine {
  costCentre: string | null;
  account: string | null;
  activity: string | null;
  /** Signed öre. */
  amount: number;
}

export interface VoucherSettings {
  /** YYYY-MM: the run's month; the vouchers are dated its last day. */
  period: string;
  /** The voucher series in the receiving system (e.g. 'IT'). */
  series: string;
  /** The IT unit's income account for internal sales (Kommun-Bas 36xx/39xx). */
  incomeAccount: string;
  /** The IT unit's cost centre, which the credit lines carry. */
  itCostCentre: string;
  /** Names for the declarations (#OBJEKT, #KONTO); a code without one is named by its code. */
  costCentreNames?: ReadonlyMap<string, string>;
  activityNames?: ReadonlyMap<string, string>;
  accountNames?: ReadonlyMap<string, string>;
}

/** The parts of a SieFile that come from the run; the caller adds program, company and dates. */
export type RunVouchers = Pick<SieFile, 'accounts' | 'dimensions' | 'objects' | 'vouchers'> & {
  /** The sum of every debit: the run's total as booked. */
  total: number;
};

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups a run's lines into balanced vouchers, one per cost centre. Throws SieError on a line without codes. */
export function runVouchers(lines: readonly VoucherLine[], settings: VoucherSettings): RunVouchers {
  const { end } = periodBounds(settings.period);
  // cost centre → "account\u0000activity" → sum
  const centres = new Map<string, Map<string, number>>();
  lines.forEach((line, i) => {
    if (!line.costCentre) throw new SieError('the line has no cost centre', `lines[${i}]`);
    if (!line.account) throw new SieError('the line has no account', `lines[${i}]`);
    if (!Number.isSafeInteger(line.amount)) throw new SieError('amount must be whole öre', `lines[${i}]`);
    const sums = centres.get(line.costCentre) ?? new Map<string, number>();
    centres.set(line.costCentre, sums);
    const key = `${line.account}\u0000${line.activity ?? ''}`;
    sums.set(key, (sums.get(key) ?? 0) + line.amount);
  });

  const usedCentres = new Set<string>();
  const usedActivities = new Set<string>();
  const usedAccounts = new Set<string>();
  const vouchers: SieVoucher[] = [];
  let total = 0;
  for (const centre of [...centres.keys()].sort(byCode)) {
    const transactions: SieTransaction[] = [];
    let sum = 0;
    for (const [key, amountOre] of [...centres.get(centre)!].sort(([a], [b]) => byCode(a, b))) {
      if (amountOre === 0) continue;
      const [account, activity] = key.split('\u0000') as [string, string];
      const objects: Record<number, string> = { [SIE_DIMENSIONS.costCentre]: centre };
      if (activity) {
        objects[SIE_DIMENSIONS.project] = activity;
        usedActivities.add(activity);
      }
      usedAccounts.add(account);
      transactions.push({ account, objects, amountOre });
      sum += amountOre;
    }
    if (transactions.length === 0) continue;
    usedCentres.add(centre);
    if (sum !== 0) {
      usedCentres.add(settings.itCostCentre);
      usedAccounts.add(settings.incomeAccount);
      transactions.push({
        account: settings.incomeAccount,
        objects: { [SIE_DIMENSIONS.costCentre]: settings.itCostCentre },
        amountOre: -sum,
        text: `Intern försäljning ${settings.period}`,
      });
    }
    total += sum;
    vouchers.push({
      series: settings.series,
      date: end,
      text: `Debitering ${settings.period} ${settings.costCentreNames?.get(centre) ?? centre}`,
      transactions,
    });
  }

  const named = (codes: Set<string>, names: ReadonlyMap<string, string> | undefined) =>
    [...codes].sort(byCode).map((code) => ({ code, name: names?.get(code) ?? code }));
  return {
    accounts: named(usedAccounts, settings.accountNames).map((a) => ({ number: a.code, name: a.name })),
    dimensions: [
      { number: SIE_DIMENSIONS.costCentre, name: 'Kostnadsställe' },
      { number: SIE_DIMENSIONS.project, name: 'Projekt' },
    ],
    objects: [
      ...named(usedCentres, settings.costCentreNames).map((o) => ({
        dimension: SIE_DIMENSIONS.costCentre,
        ...o,
      })),
      ...named(usedActivities, settings.activityNames).map((o) => ({
        dimension: SIE_DIMENSIONS.project,
        ...o,
      })),
    ],
    vouchers,
    total,
  };
}
