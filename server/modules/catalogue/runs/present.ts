import type {
  Dispute,
  LineSource,
  Proration,
  Run,
  RunLine,
  RunState,
} from '../../../../shared/catalogue/runs.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import { type DisputeView, type LineView, mayDispute, type RunView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentRun(row: RunView, reader: Actor): Run {
  const keeps = cataloguePolicy.runs(reader);
  const preview = row.state === 'preview';
  return {
    id: row.id,
    period: row.period,
    state: row.state as RunState,
    proration: (row.proration as Proration | null) ?? null,
    total: row.total,
    lineCount: row.lineCount,
    computedAt: iso(row.computedAt),
    lockedAt: iso(row.lockedAt),
    lockedBy: row.lockedByName,
    version: row.version,
    can: {
      compute: keeps && preview,
      lock: keeps && preview && row.computedAt !== null,
      correct: keeps && preview,
    },
  };
}

export function presentLine(row: LineView, reader: Actor): RunLine {
  const locked = row.runState === 'locked';
  return {
    id: row.id,
    runId: row.runId,
    period: row.period,
    unit: { id: row.unitId, name: row.unitName },
    offering: row.offeringId ? { id: row.offeringId, name: row.offeringName ?? '' } : null,
    subscriptionId: row.subscriptionId,
    orderId: row.orderId,
    source: row.source as LineSource,
    description: row.description,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    amount: row.amount,
    kontering: {
      costCentre: row.costCentre,
      account: row.account,
      activity: row.activity,
      counterpart: row.counterpart,
    },
    billedDays: row.billedDays,
    daysInMonth: row.daysInMonth,
    correctsLineId: row.correctsLineId,
    disputeId: row.disputeId,
    can: {
      dispute: locked && row.disputeId === null && mayDispute(reader, row.chain),
      correct: locked && cataloguePolicy.runs(reader),
    },
  };
}

export function presentDispute(row: DisputeView, reader: Actor): Dispute {
  return {
    id: row.id,
    lineId: row.lineId,
    period: row.period,
    unit: { id: row.unitId, name: row.unitName },
    description: row.description,
    amount: row.amount,
    reason: row.reason,
    raisedBy: row.raisedByName,
    raisedAt: iso(row.createdAt),
    state: row.state as Dispute['state'],
    resolutionNote: row.resolutionNote,
    resolvedBy: row.resolvedByName,
    creditedAmount: row.creditedAmount,
    creditedInPeriod: row.creditedInPeriod,
    version: row.version,
    can: { resolve: row.state === 'open' && cataloguePolicy.runs(reader) },
  };
}
