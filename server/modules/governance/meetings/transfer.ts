import { z } from 'zod';
import type { MeetingListQuery } from '../../../../shared/governance/meetings.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listMeetings } from './service.ts';

// The meetings list as CSV or XLSX through the platform's engine (formula safe), with its filters.

const text = z.string();

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

const meetingColumns = [
  column({ key: 'forum', sv: 'forum', en: 'forum', required: true, parse: text }),
  column({ key: 'startsAt', sv: 'börjar', en: 'starts', parse: text }),
  column({ key: 'endsAt', sv: 'slutar', en: 'ends', parse: text }),
  column({ key: 'place', sv: 'plats', en: 'place', parse: text }),
  column({ key: 'chair', sv: 'ordförande', en: 'chair', parse: text }),
  column({ key: 'adjuster', sv: 'justerare', en: 'adjuster', parse: text }),
  column({ key: 'items', sv: 'punkter', en: 'items', parse: text }),
  column({ key: 'locked', sv: 'justerat', en: 'justerat', parse: text }),
] as const;

export async function exportMeetings(
  db: Database,
  actor: Actor,
  query: Omit<MeetingListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listMeetings(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((m) => ({
    forum: m.forumName,
    startsAt: stockholm.format(m.startsAt),
    endsAt: stockholm.format(m.endsAt),
    place: m.place ?? '',
    chair: m.chairId ? (m.names.get(m.chairId) ?? '') : '',
    adjuster: m.adjusterId ? (m.names.get(m.adjusterId) ?? '') : '',
    items: m.items.map((i) => `${i.position}. ${i.title}`).join('; '),
    locked: m.lockedAt ? stockholm.format(m.lockedAt) : '',
  }));
  return exportFile(
    { columns: meetingColumns, filename: 'sammantraden', sheetName: 'Sammanträden' },
    records,
    format,
  );
}
