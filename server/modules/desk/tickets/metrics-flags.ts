import { type SQL, sql } from 'drizzle-orm';

// What the desk's figures count of a ticket, packed into one small integer that the database keeps
// (desk_tickets.metrics_flags, a generated column: ./schema.ts), so that the reports' covering
// index carries two bytes instead of the eight columns these are computed from. The one place
// where these definitions live: the metrics (desk/metrics) and the portal's published promises
// (desk/services/promises.ts) both read them through `hasFlag`.
//
// - responseMeasured: the response clock had a target and was settled (answered, breached, or the
//   ticket solved without an answer);
// - responseBreached: it had a target and was breached;
// - resolutionMeasured: the resolution clock had a target;
// - resolutionBreached: it had a target and was breached;
// - firstContact: first-contact resolution, "solved by the first line without reassignment": the
//   ticket never went to a group other than a first-line one (`handed_on`, set by the ticket
//   service and the import when it does); counted among the tickets solved in a period;
// - reopened: the ticket was reopened at least once (`reopen_count`, raised by every reopening).
//
// A generated column cannot read another generated column: the targets are read from `sla` as
// response_target and resolution_target are.

export const metricsFlags = {
  responseMeasured: 1,
  responseBreached: 2,
  resolutionMeasured: 4,
  resolutionBreached: 8,
  firstContact: 16,
  reopened: 32,
} as const;
export type MetricsFlag = keyof typeof metricsFlags;

const responseTarget = `("sla"->'response'->>'target') is not null`;
const resolutionTarget = `("sla"->'resolution'->>'target') is not null`;

/** The generated column's expression (its SQL is in the migration that made it). */
export const metricsFlagsExpression = sql.raw(
  [
    `case when ${responseTarget} and ("first_response_at" is not null or "response_breached_at" is not null or "solved_at" is not null) then ${metricsFlags.responseMeasured} else 0 end`,
    `case when ${responseTarget} and "response_breached_at" is not null then ${metricsFlags.responseBreached} else 0 end`,
    `case when ${resolutionTarget} then ${metricsFlags.resolutionMeasured} else 0 end`,
    `case when ${resolutionTarget} and "resolution_breached_at" is not null then ${metricsFlags.resolutionBreached} else 0 end`,
    `case when not "handed_on" then ${metricsFlags.firstContact} else 0 end`,
    `case when "reopen_count" > 0 then ${metricsFlags.reopened} else 0 end`,
  ].join(' + '),
);

/** `column` (a ticket's metrics_flags, e.g. `t.metrics_flags`) has the flag. */
export function hasFlag(column: string, flag: MetricsFlag): SQL {
  return sql.raw(`(${column} & ${metricsFlags[flag]}) <> 0`);
}
