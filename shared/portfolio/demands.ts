import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Demands (behov och idéer), shared by server and web: submitted in the portal or registered for a
// unit, prepared (beredning) with benefit, cost, risks and a score from the tenant's scoring model,
// routed to the body that must decide it (seed 003) after those that must be consulted first, and
// decided with a recorded governance decision of that body.

/**
 * Kommungemensamt (the whole organisation), verksamhetsinriktat (one business, on the system
 * owner's proposal), or local: a förvaltning's own need with no impact beyond it.
 */
export const demandScopes = ['shared', 'business', 'local'] as const;
export type DemandScope = (typeof demandScopes)[number];

/** inkommen, under beredning, redo för beslut, beslutad, genomförs, avslutad. */
export const demandStatuses = [
  'received',
  'preparing',
  'readyForDecision',
  'decided',
  'inProgress',
  'closed',
] as const;
export type DemandStatus = (typeof demandStatuses)[number];

/** bifall, avslag, vilande. */
export const demandOutcomes = ['approved', 'rejected', 'deferred'] as const;
export type DemandOutcome = (typeof demandOutcomes)[number];

/** The steps a demand may take by hand; `decided` only through the decide action. */
export const demandTransitions: Record<DemandStatus, readonly DemandStatus[]> = {
  received: ['preparing', 'closed'],
  preparing: ['readyForDecision', 'received', 'closed'],
  readyForDecision: ['preparing'],
  decided: ['inProgress', 'preparing', 'closed'],
  inProgress: ['closed'],
  closed: [],
};

/** Whether a demand may go from one status to another by hand (an outcome narrows `decided`'s). */
export function mayTransition(from: DemandStatus, to: DemandStatus, outcome: DemandOutcome | null): boolean {
  if (!demandTransitions[from].includes(to)) return false;
  if (from === 'decided' && to === 'inProgress') return outcome === 'approved';
  if (from === 'decided' && to === 'preparing') return outcome === 'deferred';
  return true;
}

export const demandEfforts = ['small', 'medium', 'large', 'veryLarge'] as const;
export type DemandEffort = (typeof demandEfforts)[number];

/** Who must be consulted before a decision (seed 003's anchoring and contacts). */
export const consultationParties = [
  'preparationGroup',
  'procurement',
  'itUnit',
  'systemOwner',
  'itStrategist',
  'managementGroup',
  'other',
] as const;
export type ConsultationParty = (typeof consultationParties)[number];

/** Money in öre (integer), as every amount in the API. */
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ids = (max: number) => z.array(id).max(max);

/** A rating of one criterion of the scoring model, 0 (none) to 5 (high). */
export const rating = z.number().int().min(0).max(5);

const submitFields = {
  title: requiredLine(200),
  /** What: the idea or the need. */
  description: multiline(8000),
  scope: z.enum(demandScopes),
  unitId: id.nullable().optional(),
  systemIds: ids(50).optional(),
  /** Why it is needed. */
  reason: multiline(4000).nullable().optional(),
  /** Who benefits. */
  beneficiaries: multiline(2000).nullable().optional(),
};

export const demandCreate = z.strictObject({
  ...submitFields,
  /** A change ticket of the desk promoted into this demand; the link is kept on both. */
  fromTicketId: id.nullable().optional(),
});
export type DemandCreate = z.infer<typeof demandCreate>;

const preparationFields = {
  benefitText: multiline(8000).nullable().optional(),
  /** Yearly savings in öre. */
  yearlySavings: money.nullable().optional(),
  hoursFreed: z.number().int().min(0).max(10_000_000).nullable().optional(),
  investment: money.nullable().optional(),
  /** Yearly running cost in öre. */
  runningCost: money.nullable().optional(),
  affectedUnitIds: ids(100).optional(),
  /** Goals of the IT strategy (governance goals) it serves. */
  goalIds: ids(50).optional(),
  risks: multiline(8000).nullable().optional(),
  effort: z.enum(demandEfforts).nullable().optional(),
  /** Criterion key → 0–5, as the tenant's scoring model names them. */
  ratings: z.record(line(40), rating).optional(),
  preparedByForumId: id.nullable().optional(),
  preparedOn: isoDate.nullable().optional(),
};

export const demandUpdate = z.strictObject({
  version,
  ...submitFields,
  title: submitFields.title.optional(),
  description: submitFields.description.optional(),
  scope: submitFields.scope.optional(),
  ...preparationFields,
});
export type DemandUpdate = z.infer<typeof demandUpdate>;

export const demandStatusChange = z.strictObject({
  version,
  status: z.enum(demandStatuses),
  note: multiline(2000).nullable().optional(),
});
export type DemandStatusChange = z.infer<typeof demandStatusChange>;

export const demandDecide = z.strictObject({
  version,
  outcome: z.enum(demandOutcomes),
  decisionId: id,
});
export type DemandDecide = z.infer<typeof demandDecide>;

export const consultationCreate = z.strictObject({
  version,
  party: z.enum(consultationParties),
  /** Who was consulted (a person, a group, a unit), as typed. */
  who: requiredLine(200),
  on: isoDate,
  note: multiline(4000).nullable().optional(),
});
export type ConsultationCreate = z.infer<typeof consultationCreate>;

export const demandAgenda = z.strictObject({ meetingId: id });
export type DemandAgenda = z.infer<typeof demandAgenda>;

export const demandSorts = ['rank', 'newest'] as const;

export const demandListQuery = listQuery.extend({
  status: z.enum(demandStatuses).optional(),
  scope: z.enum(demandScopes).optional(),
  unitId: id.optional(),
  systemId: id.optional(),
  submitterId: id.optional(),
  /** The demand a desk change ticket was promoted into (at most one). */
  fromTicketId: id.optional(),
  /** Only the reader's own (the portal's "my ideas"). */
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** `rank`: the ranked backlog, highest score first; `newest`: latest submitted first. */
  sort: z.enum(demandSorts).default('newest'),
});
export type DemandListQuery = z.infer<typeof demandListQuery>;

const ref = z.object({ id, name: z.string().nullable(), href: z.string().nullable() });

export const consultation = z.object({
  id,
  party: z.enum(consultationParties),
  who: z.string(),
  on: z.string(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type Consultation = z.infer<typeof consultation>;

/** The highest K/R/T levels among the demand's systems, for those who may read them. */
export const securityImpact = z.object({
  confidentiality: z.number().nullable(),
  integrity: z.number().nullable(),
  availability: z.number().nullable(),
  /** The highest of the three: 0–4. */
  highest: z.number().nullable(),
  /** Systems with a classification / of the demand's systems. */
  classified: z.number().int(),
  systems: z.number().int(),
});

export const agendaLink = z.object({
  meetingId: id,
  itemId: id,
  forumId: id,
  forumName: z.string(),
  forumKind: z.string(),
  startsAt: z.string(),
});

export const demandPermissions = permissions([
  'update',
  'prepare',
  'transition',
  'decide',
  'consult',
  'putOnAgenda',
]);

export const demand = z.object({
  id,
  number: z.string(),
  title: z.string(),
  description: z.string(),
  scope: z.enum(demandScopes),
  status: z.enum(demandStatuses),
  outcome: z.enum(demandOutcomes).nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  systems: z.array(ref),
  reason: z.string().nullable(),
  beneficiaries: z.string().nullable(),
  submitterId: id.nullable(),
  submitterName: z.string().nullable(),
  fromTicket: ref.nullable(),
  benefitText: z.string().nullable(),
  yearlySavings: z.number().nullable(),
  hoursFreed: z.number().nullable(),
  investment: z.number().nullable(),
  runningCost: z.number().nullable(),
  affectedUnits: z.array(ref),
  goals: z.array(ref),
  risks: z.string().nullable(),
  effort: z.enum(demandEfforts).nullable(),
  ratings: z.record(z.string(), z.number()),
  /** 0–100 from the scoring model, two decimals. */
  score: z.number(),
  preparedByForum: ref.nullable(),
  preparedOn: z.string().nullable(),
  securityImpact: securityImpact.nullable(),
  decision: ref.nullable(),
  decidedOn: z.string().nullable(),
  consultations: z.array(consultation),
  agenda: z.array(agendaLink),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: demandPermissions,
});
export type Demand = z.infer<typeof demand>;

/** A list's row: the demand without what only its page shows. */
export const demandSummary = demand.pick({
  id: true,
  number: true,
  title: true,
  scope: true,
  status: true,
  outcome: true,
  unitId: true,
  unitName: true,
  submitterName: true,
  score: true,
  investment: true,
  yearlySavings: true,
  hoursFreed: true,
  createdAt: true,
  version: true,
});
export type DemandSummary = z.infer<typeof demandSummary>;

// ---------------------------------------------------------------- routing

/** The body that decides: a forum, or an external body typed as in decisions (KS, kommundirektören). */
export const decidingBody = z.object({
  forumId: id.nullable(),
  body: z.string().nullable(),
  name: z.string(),
  /**
   * Why this body: `scope` or `cost`; `sharedImpact` for a local demand routed as kommungemensamt,
   * for the reasons `because` gives.
   */
  rule: z.enum(['scope', 'cost', 'sharedImpact']),
  /**
   * What makes a local demand shared (empty otherwise): its units lie in several förvaltningar
   * (`departments`, naming them), or it touches kommungemensamma systems (`sharedSystem`, naming them).
   */
  because: z.array(
    z.object({
      key: z.enum(['departments', 'sharedSystem']),
      names: z.array(z.string()),
      message: z.string(),
    }),
  ),
});
export type DecidingBody = z.infer<typeof decidingBody>;

export const routingStep = z.object({
  key: z.enum(['preparationGroupAgenda', 'procurement', 'itUnit', 'systemOwnerProposal']),
  done: z.boolean(),
  /** Where it was done (the meeting, the consultation), when it was. */
  detail: z.string().nullable(),
});
export type RoutingStep = z.infer<typeof routingStep>;

export const routingMissing = z.object({
  key: z.string(),
  message: z.string(),
});

export const demandRouting = z.object({
  decidingBody: decidingBody.nullable(),
  consultFirst: z.array(routingStep),
  missing: z.array(routingMissing),
});
export type DemandRouting = z.infer<typeof demandRouting>;

// ---------------------------------------------------------------- settings

export const scoringCriterion = z.strictObject({
  key: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { message: 'Letters and digits, starting with a letter' }),
  label: requiredLine(120),
  weight: z.number().int().min(0).max(100),
});
export type ScoringCriterion = z.infer<typeof scoringCriterion>;

const body = z.strictObject({ forumId: id.nullable(), body: line(120).nullable() });

export const routingRules = z.strictObject({
  /** Kommungemensamt: IT-styrgruppen (null: the tenant's steering group forum). */
  shared: body,
  /** Verksamhetsinriktat: IT-styrgruppen, on the system owner's proposal. */
  business: body,
  /** Local: the förvaltning's management group, per unit. */
  unitBodies: z.array(z.strictObject({ unitId: id, forumId: id })).max(200),
  /** Above this investment plus a year's running cost (öre), the cost body decides; null: no limit. */
  costThreshold: money.nullable(),
  costBody: line(120).nullable(),
  /** The scopes whose demands must be on the preparation group's agenda first. */
  preparationAgenda: z.array(z.enum(demandScopes)).max(3),
  /** The scopes whose demands must have procurement and the IT unit contacted first. */
  procurementAndIt: z.array(z.enum(demandScopes)).max(3),
});
export type RoutingRules = z.infer<typeof routingRules>;

/**
 * The effort points a key person (project manager, procurement lead) carries in a month before the
 * portfolio's load view calls them overloaded: one figure for everyone, and a figure per person
 * where it differs (part time, a line role beside the projects).
 */
export const capacityRules = z.strictObject({
  default: z.number().int().min(1).max(1000),
  people: z
    .array(z.strictObject({ personId: id, points: z.number().int().min(0).max(1000) }))
    .max(500)
    .refine((rows) => new Set(rows.map((r) => r.personId)).size === rows.length, {
      message: 'Each person once',
    }),
});
export type CapacityRules = z.infer<typeof capacityRules>;

export const defaultCapacity: CapacityRules = { default: 6, people: [] };

/** The capacities as answered: each person's row with their name. */
export const capacityAnswer = z.object({
  default: z.number().int(),
  people: z.array(z.object({ personId: id, name: z.string(), points: z.number().int() })),
});
export type CapacityAnswer = z.infer<typeof capacityAnswer>;

export const defaultScoring: ScoringCriterion[] = [
  { key: 'benefit', label: 'Nytta för verksamheten', weight: 30 },
  { key: 'strategy', label: 'Stöd för IT-strategins mål', weight: 25 },
  { key: 'urgency', label: 'Brådska', weight: 15 },
  { key: 'feasibility', label: 'Genomförbarhet', weight: 15 },
  { key: 'lowRisk', label: 'Låg risk', weight: 15 },
];

export const defaultRouting: RoutingRules = {
  shared: { forumId: null, body: null },
  business: { forumId: null, body: null },
  unitBodies: [],
  costThreshold: 500_000_000,
  costBody: 'Kommunstyrelsen',
  preparationAgenda: ['shared'],
  procurementAndIt: ['shared', 'business'],
};

export const portfolioSettingsUpdate = z.strictObject({
  version,
  scoring: z
    .array(scoringCriterion)
    .min(1)
    .max(20)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'Each key once' })
    .optional(),
  routing: routingRules.optional(),
  capacity: capacityRules.optional(),
});
export type PortfolioSettingsUpdate = z.infer<typeof portfolioSettingsUpdate>;

export const portfolioSettings = z.object({
  scoring: z.array(scoringCriterion),
  routing: routingRules,
  capacity: capacityAnswer,
  version: currentVersion,
  updatedAt: z.string().nullable(),
  can: permissions(['update']),
});
export type PortfolioSettings = z.infer<typeof portfolioSettings>;

/** The score (0–100, two decimals) of ratings under a model: the weighted mean of the ratings over 5. */
export function scoreOf(criteria: readonly ScoringCriterion[], ratings: Record<string, number>): number {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  const sum = criteria.reduce((s, c) => s + c.weight * (ratings[c.key] ?? 0), 0);
  return Math.round((sum * 10_000) / (5 * total)) / 100;
}
