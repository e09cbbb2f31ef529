import { z } from 'zod';
import { period, quantity } from '../../../../shared/catalogue/consumption.ts';
import { konteringValue } from '../../../../shared/catalogue/orders.ts';
import { line } from '../../../../shared/text.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import {
  column,
  DEFAULT_LIMITS,
  ImportErrors,
  readRows,
  readSheet,
} from '../../../platform/transfer/index.ts';
import { cataloguePolicy } from '../policy.ts';
import { type ConsumptionInput, writeConsumption } from './service.ts';

// A consumption export from a print, storage or licence system as CSV or XLSX: a month, an
// offering (by name), a unit (by cost centre or name) and a quantity per row, the kontering when
// the unit has a choice. Headers as those systems write them, in Swedish or English.

/** 1 234,5 and 1234.5 alike: Swedish exports write a decimal comma and spaces between thousands. */
const number = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.')) : v),
  quantity,
);

export const consumptionColumns = [
  column({ key: 'period', sv: 'månad', en: 'month', aliases: ['period'], required: true, parse: period }),
  column({
    key: 'offering',
    sv: 'erbjudande',
    en: 'offering',
    aliases: ['tjänst', 'service'],
    required: true,
    parse: line(200),
  }),
  column({
    key: 'unit',
    sv: 'enhet',
    en: 'unit',
    aliases: ['kostnadsställe enhet', 'organisation'],
    required: true,
    parse: line(200),
  }),
  column({
    key: 'quantity',
    sv: 'antal',
    en: 'quantity',
    aliases: ['mängd', 'kvantitet', 'sidor', 'pages', 'gb', 'timmar', 'hours'],
    required: true,
    parse: number,
    xlsxNumber: '0.####',
  }),
  column({
    key: 'reference',
    sv: 'referens',
    en: 'reference',
    aliases: ['skrivare', 'printer', 'källa', 'source'],
    parse: line(120),
  }),
  column({
    key: 'costCentre',
    sv: 'kostnadsställe',
    en: 'cost centre',
    aliases: ['ansvar', 'kst'],
    parse: konteringValue,
  }),
  column({ key: 'account', sv: 'konto', en: 'account', parse: konteringValue }),
  column({
    key: 'activity',
    sv: 'aktivitet',
    en: 'activity',
    aliases: ['projekt', 'project'],
    parse: konteringValue,
  }),
  column({ key: 'counterpart', sv: 'motpart', en: 'counterpart', parse: konteringValue }),
] as const;

/** Imports a file: every error at once as `line N.field`, and nothing written unless all are good. */
export async function importConsumption(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean; fileName?: string },
) {
  if (!cataloguePolicy.manage(actor)) throw problems.forbidden();
  const sheet = await readSheet(file, DEFAULT_LIMITS);
  const errors = new ImportErrors();
  const rows = readRows(sheet, consumptionColumns, errors);
  const inputs: ConsumptionInput[] = [];
  for (const r of rows) {
    const v = r.values;
    // A bad cell is already reported; the row's references are still checked for the rest.
    if (!v.period || !v.offering || !v.unit || v.quantity === undefined || v.quantity === null) continue;
    inputs.push({
      line: r.line,
      period: v.period,
      offering: { name: v.offering },
      unit: { ref: v.unit },
      reference: v.reference,
      quantity: v.quantity,
      kontering: {
        costCentre: v.costCentre ?? undefined,
        account: v.account ?? undefined,
        activity: v.activity,
        counterpart: v.counterpart,
      },
    });
  }
  return inTenant(db, actor, (s) =>
    writeConsumption(s, actor, inputs, { dryRun: options.dryRun, fileName: options.fileName, errors }),
  );
}
