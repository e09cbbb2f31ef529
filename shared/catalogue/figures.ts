import { z } from 'zod';
import { currentVersion, permissions, version } from '../records.ts';
import { ore } from '../registry/contracts.ts';
import { id } from '../text.ts';
import { budgetYear } from './assets.ts';

// Cost figures (nyckeltal, issue 16 point 6), shared by server and web: IT cost per unit, per
// employee and per IT-arbetsplats by the stated definitions below, the units' budgets against the
// outcome, the trend over years, and the same figures of every municipality of the installation
// that shares them, side by side. The definitions are the same for every tenant, so that
// municipalities compare themselves by identical definitions (seed 001). Money is öre.

export interface Definition {
  sv: string;
  en: string;
}

/** What each figure counts: shown on the page, answered by the API and written in the XLSX. */
export const figureDefinitions = {
  cost: {
    sv: 'IT-kostnad: summan av debiteringens rader för årets låsta månader (korrigeringar och krediteringar inräknade), för enheten och summerad uppåt i enhetsträdet (enheten och dess underenheter). Förhandsgranskningen av en olåst månad räknas inte.',
    en: "IT cost: the sum of the chargeback run's lines of the year's locked months (corrections and credits included), for the unit and rolled up the unit tree (the unit and its sub-units). The preview of a month not yet locked is not counted.",
  },
  employees: {
    sv: 'Anställda: aktiva personer med enheten som sin enhet vid periodens slut (årets sista dag, i innevarande år i dag), summerat uppåt i enhetsträdet. Externa partners personal räknas inte.',
    en: "Employees: active people whose unit is the unit at the end of the period (the last day of the year; today in the current year), rolled up the unit tree. An external partner's staff are not counted.",
  },
  workplaces: {
    sv: 'IT-arbetsplatser: utlämnad hyrutrustning av slaget dator som enheten innehar vid periodens slut, summerat uppåt i enhetsträdet.',
    en: 'IT workplaces (IT-arbetsplatser): issued rental assets of kind computer held by the unit at the end of the period, rolled up the unit tree.',
  },
  perEmployee: {
    sv: 'IT-kostnad per anställd: IT-kostnaden delad med antalet anställda (saknas när antalet är noll).',
    en: 'IT cost per employee: the IT cost divided by the employees (none when there are none).',
  },
  perWorkplace: {
    sv: 'IT-kostnad per IT-arbetsplats: IT-kostnaden delad med antalet IT-arbetsplatser (saknas när antalet är noll).',
    en: 'IT cost per IT workplace: the IT cost divided by the IT workplaces (none when there are none).',
  },
  budget: {
    sv: 'Budget mot utfall: enhetens IT-budget för året, summerad uppåt i enhetsträdet som kostnaden, jämförd med IT-kostnaden; avvikelse = budget − utfall.',
    en: "Budget against outcome: the unit's IT budget of the year, rolled up the unit tree as the cost, against the IT cost; deviation = budget − outcome.",
  },
} as const satisfies Record<string, Definition>;

export type FigureKey = keyof typeof figureDefinitions;

const definition = z.object({ sv: z.string(), en: z.string() });
export const definitions = z.object({
  cost: definition,
  employees: definition,
  workplaces: definition,
  perEmployee: definition,
  perWorkplace: definition,
  budget: definition,
});

/** Cost divided by a count, rounded to whole öre; null when the count is zero. */
export function perCount(cost: number, count: number): number | null {
  return count > 0 ? Math.round(cost / count) : null;
}

/** The last day the counts are taken on: the year's last day, or today in the current year. */
export function periodEnd(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last && today.startsWith(`${year}-`) ? today : last;
}

// ---------------------------------------------------------------- queries

/** The year; this year by default. */
export const figuresQuery = z.strictObject({ year: budgetYear.optional() });
export const figuresExportQuery = figuresQuery;
/** How many years back from this year (this year included). */
export const trendQuery = z.strictObject({ years: z.coerce.number().int().min(1).max(20).default(5) });
export const budgetYearParams = z.strictObject({ year: budgetYear });

// ---------------------------------------------------------------- answers

/** The three figures and their counts, the same shape for a unit, a tenant, a year. */
const figureValues = {
  /** Öre. */
  cost: z.number().int(),
  employees: z.number().int(),
  workplaces: z.number().int(),
  perEmployee: z.number().int().nullable(),
  perWorkplace: z.number().int().nullable(),
};

const budgetValues = {
  /** Öre; null when no budget is set in the unit or below. */
  budget: z.number().int().nullable(),
  /** Budget − outcome, öre; null without a budget. */
  deviation: z.number().int().nullable(),
};

export const unitFigures = z.object({
  unit: z.object({
    id,
    name: z.string(),
    parentId: z.string().nullable(),
    costCentre: z.string().nullable(),
    archived: z.boolean(),
  }),
  /** Depth in the unit tree (0 for a top unit). */
  depth: z.number().int(),
  /** The unit's own lines, people and computers, before its sub-units' are added. */
  own: z.object({ cost: z.number().int(), employees: z.number().int(), workplaces: z.number().int() }),
  /** Its own budget, before its sub-units' are added; null when it has none. */
  ownBudget: z.number().int().nullable(),
  ...figureValues,
  ...budgetValues,
});
export type UnitFigures = z.infer<typeof unitFigures>;

export const figures = z.object({
  year: z.number().int(),
  /** The day employees and IT workplaces are counted on. */
  periodEnd: z.string(),
  /** The locked months (YYYY-MM) the cost is summed over. */
  lockedMonths: z.array(z.string()),
  /** A month of the year computed but not locked: shown apart, never counted. */
  preview: z.object({ period: z.string(), total: z.number().int() }).nullable(),
  definitions,
  total: z.object({ ...figureValues, ...budgetValues }),
  units: z.array(unitFigures),
  can: permissions(['setBudgets', 'setSharing']),
});
export type Figures = z.infer<typeof figures>;

export const trendYear = z.object({
  year: z.number().int(),
  periodEnd: z.string(),
  lockedMonths: z.number().int(),
  ...figureValues,
  ...budgetValues,
});
export const trend = z.object({ definitions, items: z.array(trendYear) });
export type Trend = z.infer<typeof trend>;
export type TrendYear = z.infer<typeof trendYear>;

/** One municipality's figures in the comparison: its totals only, never its units or lines. */
export const comparisonTenant = z.object({
  name: z.string(),
  /** The caller's own tenant. */
  own: z.boolean(),
  lockedMonths: z.number().int(),
  ...figureValues,
});
export const comparison = z.object({
  year: z.number().int(),
  periodEnd: z.string(),
  definitions,
  /** Whether the caller's tenant shares its figures: only a tenant that shares sees the others'. */
  shared: z.boolean(),
  tenants: z.array(comparisonTenant),
});
export type Comparison = z.infer<typeof comparison>;

// ---------------------------------------------------------------- unit budgets

export const unitBudget = z.object({
  unitId: id,
  unitName: z.string(),
  amount: z.number().int(),
  version: currentVersion,
  updatedAt: z.string(),
});
export type UnitBudget = z.infer<typeof unitBudget>;

export const unitBudgets = z.object({
  year: z.number().int(),
  items: z.array(unitBudget),
  can: permissions(['update']),
});
export type UnitBudgets = z.infer<typeof unitBudgets>;

/**
 * Sets budgets of a year, unit by unit: a unit that has a budget needs the version read (409 when
 * stale or missing), a unit without one takes none. Units left out keep theirs.
 */
export const unitBudgetsPut = z.strictObject({
  items: z
    .array(z.strictObject({ unitId: id, amount: ore, version: version.optional() }))
    .min(1)
    .max(1000)
    .refine((items) => new Set(items.map((i) => i.unitId)).size === items.length, {
      message: 'A unit at most once',
    }),
});
export type UnitBudgetsPut = z.infer<typeof unitBudgetsPut>;

// ---------------------------------------------------------------- sharing

export const figureSettings = z.object({
  /** Whether the tenant's totals (never its units) are shown to the installation's other tenants that share theirs. */
  shareFigures: z.boolean(),
  version: currentVersion,
  can: permissions(['update']),
});
export type FigureSettings = z.infer<typeof figureSettings>;

export const figureSettingsUpdate = z.strictObject({
  shareFigures: z.boolean(),
  /** 0 while the tenant has saved none. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type FigureSettingsUpdate = z.infer<typeof figureSettingsUpdate>;
