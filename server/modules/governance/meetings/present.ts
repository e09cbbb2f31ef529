import type { AttendanceStatus, Meeting } from '../../../../shared/governance/meetings.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { governancePolicy } from '../policy.ts';
import type { MeetingView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentMeeting(row: MeetingView, reader: Actor): Meeting {
  const active = row.archivedAt === null;
  const keep = governancePolicy.keepMeetings(reader, row.forumId);
  const open = active && row.lockedAt === null;
  const name = (id: string | null) => (id ? (row.names.get(id) ?? '') : null);
  const ref = (id: string | null) => (id ? { id, name: name(id) ?? '' } : null);
  const asChair = reader.personId !== null && reader.personId === row.chairId;
  const signed = asChair ? row.chairAdjustedAt : row.adjusterAdjustedAt;
  return {
    id: row.id,
    forumId: row.forumId,
    forumName: row.forumName,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    place: row.place,
    chair: ref(row.chairId),
    secretary: ref(row.secretaryId),
    adjuster: ref(row.adjusterId),
    chairAdjustedAt: iso(row.chairAdjustedAt),
    adjusterAdjustedAt: iso(row.adjusterAdjustedAt),
    lockedAt: iso(row.lockedAt),
    items: row.items.map((i) => ({
      id: i.id,
      position: i.position ?? 0,
      title: i.title,
      source:
        i.sourceKind && i.sourceId
          ? { kind: i.sourceKind, id: i.sourceId, name: i.ref?.name ?? null, href: i.ref?.href ?? null }
          : null,
      minutes: i.minutes,
      decisions: i.decisions.map((d) => ({
        id: d.id,
        paragraph: d.paragraph,
        year: d.year,
        title: d.title,
        text: d.text,
        registrationNumber: d.registrationNumber,
      })),
      corrections: i.corrections.map((c) => ({
        id: c.id,
        text: c.minutes ?? '',
        createdAt: iso(c.createdAt),
        createdByName: c.createdByName,
      })),
    })),
    attendance: row.attendance.map((a) => ({
      personId: a.personId,
      name: name(a.personId) ?? '',
      status: a.status as AttendanceStatus | null,
      deputyId: a.deputyId,
      deputyName: name(a.deputyId),
    })),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: keep && open,
      archive: keep && open,
      restore: keep && !active,
      adjust: open && row.adjusterId !== null && governancePolicy.adjust(reader, row) && !signed,
      correct: keep && active && row.lockedAt !== null,
    },
  };
}
