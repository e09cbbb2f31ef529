import type { CallImport, PhoneCall, PhoneSettings } from '../../../../shared/desk/phone.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { callImports } from './schema.ts';
import type { CallRow, SettingsRow } from './service.ts';

// Rows → API shapes for a reader.

export function presentCall(row: CallRow): PhoneCall {
  return {
    id: row.id,
    at: iso(row.at),
    queue: row.queue,
    waitedSeconds: row.waitedSeconds,
    outcome: row.outcome,
    importId: row.importId,
  };
}

export function presentSettings(row: SettingsRow, reader: Actor): PhoneSettings {
  return {
    answerSeconds: row.answerSeconds,
    targetPercent: row.targetPercent,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: { update: deskPolicy.configure(reader) },
  };
}

export function presentImport(row: typeof callImports.$inferSelect): CallImport {
  return {
    id: row.id,
    fileName: row.fileName,
    importedAt: iso(row.importedAt),
    importedBy: row.importedByName,
    rows: row.rows,
    added: row.added,
    alreadyImported: row.alreadyImported,
    first: iso(row.firstAt),
    last: iso(row.lastAt),
  };
}
