import { describe, expect, it } from 'vitest';
import { SieError, sieText, writeSie } from './sie.ts';
import { runVouchers, type VoucherLine, type VoucherSettings } from './vouchers.ts';

// A run's lines grouped into SIE vouchers: one per cost centre, debits per account and project,
// one credit to the IT unit's income account, every voucher balanced and every object declared,
// and the result accepted by the SIE writer (which refuses an unbalanced or undeclared one).

const settings: VoucherSettings = {
  period: '2026-11',
  series: 'IT',
  incomeAccount: '3690',
  itCostCentre: '9100',
  costCentreNames: new Map([
    ['4100', 'Västra skolan'],
    ['9100', 'IT-enheten'],
  ]),
  activityNames: new Map([['P12', 'Skolplattform']]),
  accountNames: new Map([['6540', 'IT-tjänster']]),
};

const line = (costCentre: string, account: string, activity: string | null, amount: number): VoucherLine => ({
  costCentre,
  account,
  activity,
  amount,
});

const lines: VoucherLine[] = [
  line('4100', '6540', null, 45_000),
  line('4100', '6540', null, 45_000),
  line('4100', '6540', 'P12', 12_345),
  line('4100', '6550', null, 25_001),
  line('4200', '6540', null, 90_000),
  // A credit of a disputed line: a negative amount lowers the sum.
  line('4200', '6540', null, -30_000),
  line('4200', '6550', 'P77', 1),
  // Lines that net to nothing give no transaction, and a cost centre of only those no voucher.
  line('4300', '6540', null, 500),
  line('4300', '6540', null, -500),
];

describe('runVouchers', () => {
  const result = runVouchers(lines, settings);

  it('makes one voucher per cost centre with lines, dated the month’s last day', () => {
    expect(result.vouchers.map((v) => v.text)).toEqual([
      'Debitering 2026-11 Västra skolan',
      'Debitering 2026-11 4200',
    ]);
    for (const v of result.vouchers) {
      expect(v.series).toBe('IT');
      expect(v.date).toBe('2026-11-30');
    }
  });

  it('sums debits per account and project on dimensions 1 and 6, and balances with one credit to IT', () => {
    const [school, other] = result.vouchers;
    expect(school!.transactions.map((t) => [t.account, t.objects, t.amountOre])).toEqual([
      ['6540', { 1: '4100' }, 90_000],
      ['6540', { 1: '4100', 6: 'P12' }, 12_345],
      ['6550', { 1: '4100' }, 25_001],
      ['3690', { 1: '9100' }, -127_346],
    ]);
    expect(other!.transactions.map((t) => [t.account, t.objects, t.amountOre])).toEqual([
      ['6540', { 1: '4200' }, 60_000],
      ['6550', { 1: '4200', 6: 'P77' }, 1],
      ['3690', { 1: '9100' }, -60_001],
    ]);
    for (const v of result.vouchers) {
      expect(v.transactions.reduce((sum, t) => sum + t.amountOre, 0)).toBe(0);
      expect(v.transactions.filter((t) => t.amountOre < 0)).toHaveLength(1);
    }
    expect(result.total).toBe(127_346 + 60_001);
  });

  it('declares every object and account it names, with names where known', () => {
    expect(result.dimensions).toEqual([
      { number: 1, name: 'Kostnadsställe' },
      { number: 6, name: 'Projekt' },
    ]);
    expect(result.objects).toEqual([
      { dimension: 1, code: '4100', name: 'Västra skolan' },
      { dimension: 1, code: '4200', name: '4200' },
      { dimension: 1, code: '9100', name: 'IT-enheten' },
      { dimension: 6, code: 'P12', name: 'Skolplattform' },
      { dimension: 6, code: 'P77', name: 'P77' },
    ]);
    const declared = new Set(result.objects.map((o) => `${o.dimension}:${o.code}`));
    for (const v of result.vouchers)
      for (const t of v.transactions)
        for (const [dim, code] of Object.entries(t.objects ?? {}))
          expect(declared).toContain(`${dim}:${code}`);
    expect(result.accounts!.map((a) => a.number)).toEqual(['3690', '6540', '6550']);
    expect(result.accounts!.find((a) => a.number === '6540')!.name).toBe('IT-tjänster');
  });

  it('is accepted by the SIE writer as it stands', () => {
    const file = {
      program: { name: 'Styrbord', version: '1.0' },
      generatedOn: '2026-12-02',
      company: { name: 'Styrby kommun' },
      ...result,
    };
    expect(writeSie(file).length).toBeGreaterThan(0);
    const text = sieText(file);
    expect(text).toContain('#VER "IT" "" 20261130 "Debitering 2026-11 Västra skolan"');
    expect(text).toContain('   #TRANS "6540" {1 "4100" 6 "P12"} 123.45');
    expect(text).toContain('#OBJEKT 6 "P12" "Skolplattform"');
  });

  it('gives no vouchers for no lines, and refuses a line without codes or whole öre', () => {
    expect(runVouchers([], settings)).toMatchObject({ vouchers: [], objects: [], total: 0 });
    expect(() => runVouchers([{ ...lines[0]!, costCentre: null }], settings)).toThrow(SieError);
    expect(() => runVouchers([lines[0]!, { ...lines[0]!, account: null }], settings)).toThrow(
      /lines\[1\]: the line has no account/,
    );
    expect(() => runVouchers([{ ...lines[0]!, amount: 1.5 }], settings)).toThrow(SieError);
  });
});
