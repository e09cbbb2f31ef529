import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// The desk's catalogue services and service levels (issue 13 point 4), shared by server and web.
// A service level promises, per priority, a response and a resolution time in business minutes on
// a calendar; a catalogue service (what an employee orders or reports on) names the level that
// applies, the group that fulfils it and the form an order fills in. A service level may be an
// underpinning contract: the supplier's contracted levels (a contract in the system register),
// against which a supplier group's tickets are measured. The catalogue module (issue 16) adds
// prices and offerings on top of these services; there is one catalogue.

export const priorities = ['1', '2', '3', '4'] as const;

/** Minutes of a target: a week of business days at most ten years of them (null: no target). */
const minutes = z.number().int().min(1).max(1_000_000).nullable();

export const target = z.strictObject({ response: minutes, resolution: minutes });
export type Target = z.infer<typeof target>;

/** Per priority 1–4 (1 is the most urgent). */
export const targets = z.strictObject({ '1': target, '2': target, '3': target, '4': target });
export type Targets = z.infer<typeof targets>;

/** ITIL-style defaults on 07–16 business days (540 minutes): 1 h/4 h, 2 h/1 day, 4 h/3 days, 1 day/5 days. */
export const defaultTargets: Targets = {
  '1': { response: 60, resolution: 240 },
  '2': { response: 120, resolution: 540 },
  '3': { response: 240, resolution: 1620 },
  '4': { response: 540, resolution: 2700 },
};

export const clockStarts = ['creation', 'assignment'] as const;
export type ClockStart = (typeof clockStarts)[number];

/** When the group lead is told: at the warning, at the breach, never. */
export const leadNotices = ['warning', 'breach', 'never'] as const;

/** What happens when a ticket's clock is breached (besides the timeline's breach event). */
export const escalation = z.strictObject({
  notifyLead: z.enum(leadNotices),
  /** Raise the priority one step (4 → 3 …, never above 1). */
  raisePriority: z.boolean(),
  /** Hand the ticket to this group. */
  reassignGroupId: id.nullable(),
});
export type Escalation = z.infer<typeof escalation>;

export const defaultEscalation: Escalation = {
  notifyLead: 'warning',
  raisePriority: false,
  reassignGroupId: null,
};

export const serviceLevelKinds = ['service', 'underpinning'] as const;
export type ServiceLevelKind = (typeof serviceLevelKinds)[number];

const levelFields = {
  name: requiredLine(120),
  description: multiline(2000).nullable().optional(),
  /** service: the desk's promise to employees; underpinning: a supplier's contracted levels. */
  kind: z.enum(serviceLevelKinds),
  /** The calendar the minutes count on; null: the calendar of the ticket's unit. */
  calendarId: id.nullable().optional(),
  clockStart: z.enum(clockStarts).optional(),
  /** The share of a target at which agents are warned, in %. */
  warningPercent: z.number().int().min(1).max(99).optional(),
  targets,
  escalation: escalation.optional(),
  /** An underpinning level: the register's contract it follows up (its supplier's groups are measured). */
  contractId: id.nullable().optional(),
  /** The level of tickets without a service (one per tenant). */
  isDefault: z.boolean().optional(),
};

export const serviceLevelCreate = z.strictObject(levelFields);
export type ServiceLevelCreate = z.infer<typeof serviceLevelCreate>;
export const serviceLevelUpdate = z.strictObject({
  version,
  ...levelFields,
  name: levelFields.name.optional(),
  kind: levelFields.kind.optional(),
  targets: levelFields.targets.optional(),
});
export type ServiceLevelUpdate = z.infer<typeof serviceLevelUpdate>;

export const serviceLevelPermissions = permissions(['update', 'archive', 'restore']);

export const serviceLevel = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(serviceLevelKinds),
  calendarId: id.nullable(),
  calendarName: z.string().nullable(),
  clockStart: z.enum(clockStarts),
  warningPercent: z.number().int(),
  targets,
  escalation,
  contractId: id.nullable(),
  contractTitle: z.string().nullable(),
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  isDefault: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: serviceLevelPermissions,
});
export type ServiceLevel = z.infer<typeof serviceLevel>;

export const serviceLevelListQuery = listQuery.extend({ kind: z.enum(serviceLevelKinds).optional() });
export type ServiceLevelListQuery = z.infer<typeof serviceLevelListQuery>;

// ---------------------------------------------------------------- catalogue services

export const formFieldTypes = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'person'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

/** One field of a service's order form. */
export const formField = z
  .strictObject({
    /** The answer's key: letters, digits and dashes. */
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'Lower-case letters, digits and dashes, from a letter' }),
    label: requiredLine(120),
    help: line(300).nullable().optional(),
    type: z.enum(formFieldTypes),
    required: z.boolean().default(false),
    /** The choices of a select. */
    options: z.array(requiredLine(120)).max(50).optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, {
    message: 'A select needs its options',
    path: ['options'],
  });
export type FormField = z.infer<typeof formField>;

export const orderForm = z
  .array(formField)
  .max(30)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, {
    message: 'Each field needs a key of its own',
  });

const serviceFields = {
  name: requiredLine(120),
  description: multiline(4000).nullable().optional(),
  /** Tjänsteägare. */
  ownerId: id.nullable().optional(),
  /** The group that fulfils orders and answers tickets on the service. */
  groupId: id.nullable().optional(),
  /** The level that applies; null: the tenant's default level. */
  serviceLevelId: id.nullable().optional(),
  /** The system the service is about (a ticket on the service names it). */
  systemId: id.nullable().optional(),
  /** Employees may order it in the portal (a request with the order form). */
  orderable: z.boolean().optional(),
  orderForm: orderForm.optional(),
};

export const serviceCreate = z.strictObject(serviceFields);
export type ServiceCreate = z.infer<typeof serviceCreate>;
export const serviceUpdate = z.strictObject({
  version,
  ...serviceFields,
  name: serviceFields.name.optional(),
});
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

export const servicePermissions = permissions(['update', 'archive', 'restore', 'order']);

export const catalogueService = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  serviceLevelId: id.nullable(),
  serviceLevelName: z.string().nullable(),
  systemId: id.nullable(),
  systemName: z.string().nullable(),
  orderable: z.boolean(),
  orderForm: z.array(formField),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: servicePermissions,
});
export type CatalogueService = z.infer<typeof catalogueService>;

export const serviceListQuery = listQuery.extend({
  orderable: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  groupId: id.optional(),
  systemId: id.optional(),
  serviceLevelId: id.optional(),
});
export type ServiceListQuery = z.infer<typeof serviceListQuery>;

/** An order's answers: key → text, number or yes/no, checked against the service's form. */
export const orderAnswers = z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()]));
export type OrderAnswers = z.infer<typeof orderAnswers>;

/** Checks answers against a form; answers the problems by key (empty when fine). */
export function checkAnswers(form: readonly FormField[], answers: OrderAnswers): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(form.map((f) => f.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) errors[key] = 'Not a field of the form';
  for (const field of form) {
    const value = answers[field.key];
    const empty = value === undefined || value === '' || value === false;
    if (empty) {
      if (field.required) errors[field.key] = 'Required';
      continue;
    }
    switch (field.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) errors[field.key] = 'Must be a number';
        break;
      case 'checkbox':
        if (typeof value !== 'boolean') errors[field.key] = 'Must be yes or no';
        break;
      case 'date':
        if (
          typeof value !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
          Number.isNaN(Date.parse(value))
        )
          errors[field.key] = 'Must be a date YYYY-MM-DD';
        break;
      case 'select':
        if (typeof value !== 'string' || !field.options?.includes(value))
          errors[field.key] = 'Not one of the choices';
        break;
      case 'person':
        if (typeof value !== 'string' || !id.safeParse(value).success) errors[field.key] = 'Must be a person';
        break;
      default:
        if (typeof value !== 'string') errors[field.key] = 'Must be text';
        else {
          // The same rules as every text field (no control characters, a length limit).
          const checked = (field.type === 'textarea' ? multiline(4000) : line(400)).safeParse(value);
          if (!checked.success) errors[field.key] = checked.error.issues[0]?.message ?? 'Not valid text';
        }
    }
  }
  return errors;
}

// ---------------------------------------------------------------- the desk's published promises

/** What the desk promises every employee (shown in the portal with what was measured). */
export const promises = z.object({
  /** The desk's opening hours this week, per weekday (mon … sun; a holiday is []). */
  openingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  /** The Monday of that week, YYYY-MM-DD. */
  weekStarts: z.string(),
  timeZone: z.string(),
  phoneAnswerSeconds: z.number().int(),
  /** Shares are 0–1: of calls answered within the seconds, of tickets solved at first contact. */
  phoneAnswerShare: z.number(),
  firstContactResolutionTarget: z.number(),
  measured: z.object({
    /** Over the last 30 days; null when nothing to measure. */
    phoneAnsweredWithin: z.number().nullable(),
    firstContactResolution: z.number().nullable(),
    resolutionCompliance: z.number().nullable(),
  }),
});
export type Promises = z.infer<typeof promises>;
