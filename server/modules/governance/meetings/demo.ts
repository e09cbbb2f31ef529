import { zonedInstant } from '../../../../shared/desk/calendar.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import * as meetings from './service.ts';

// The demo's meetings of the IT-styrgrupp, through the service (validated, audited): one two weeks
// ago with its agenda, attendance, minutes and decisions, justerad by the chair and the justerare;
// and one three weeks ahead with its agenda begun. Dates are counted from the day the demo loads,
// so that there is always one behind and one ahead.

const DAY = 86_400_000;

/** 13:00–15:00 in Stockholm, `days` from today. */
function afternoon(days: number) {
  const today = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  const wall = Date.parse(`${today}T13:00:00Z`);
  const startsAt = new Date(zonedInstant('Europe/Stockholm', wall));
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
  };
}

export async function loadMeetingsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const forumId = made.get('forum:IT-styrgrupp');
  if (!forumId) throw new Error('Governance demo: no forum "IT-styrgrupp"');
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const chairId = person('Karin Lindqvist');
  const adjusterId = person('Emma Hedlund');
  const actor = tenant.actor;

  let past = await meetings.createMeeting(db, actor, {
    forumId,
    ...afternoon(-14),
    place: 'Kommunhuset, sammanträdesrum Storsjön',
    adjusterId,
  });
  const items = [
    'Mötets öppnande och val av justerare',
    'Uppföljning av IT-planen 2026',
    'Förslag: upphandling av e-arkiv',
    'Övriga frågor',
  ];
  for (const title of items)
    past = await meetings.addItem(db, actor, past.id, { version: past.version, title });
  const view = await meetings.getMeeting(db, actor, past.id);
  const minutes = [
    'Ordföranden förklarade mötet öppnat. Emma Hedlund valdes att jämte ordföranden justera protokollet.',
    'IT-strategen redovisade läget i IT-planens aktiviteter. Fyra av sex aktiviteter följer planen; införandet av tvåfaktorsautentisering är försenat till februari.',
    'Arkivmyndigheten och IT-enheten har tagit fram ett förslag till kravställning för ett gemensamt e-arkiv.',
    'Inga övriga frågor.',
  ];
  for (const [i, item] of view.items.entries())
    past = await meetings.updateItem(db, actor, past.id, item.id, {
      version: past.version,
      minutes: minutes[i],
    });
  past = await meetings.setAttendance(db, actor, past.id, {
    version: past.version,
    attendance: view.attendance.map((a, i) =>
      i === 0
        ? { personId: a.personId, status: 'deputyAttending' as const, deputyId: person('Fredrik Sjöberg') }
        : { personId: a.personId, status: i === 3 ? ('absent' as const) : ('present' as const) },
    ),
  });
  const decided = [
    {
      item: 1,
      paragraph: 40,
      title: 'Uppföljning av IT-planen 2026',
      text: 'IT-styrgruppen godkänner uppföljningen och ger IT-strategen i uppdrag att redovisa en reviderad tidplan för tvåfaktorsautentisering vid nästa möte.',
    },
    {
      item: 2,
      paragraph: 41,
      title: 'Upphandling av e-arkiv',
      text: 'IT-styrgruppen beslutar att upphandlingen av ett gemensamt e-arkiv startas enligt förslaget. Arkivmyndigheten ansvarar för kravställningen.',
    },
  ];
  for (const d of decided) {
    const recorded = await meetings.recordItemDecision(db, actor, past.id, view.items[d.item]!.id, {
      version: past.version,
      paragraph: d.paragraph,
      title: d.title,
      text: d.text,
      status: 'inProgress',
    });
    past = recorded.meeting;
  }
  past = await meetings.adjustMinutes(
    db,
    { ...actor, personId: chairId, name: 'Karin Lindqvist' },
    past.id,
    past.version,
  );
  await meetings.adjustMinutes(
    db,
    { ...actor, personId: adjusterId, name: 'Emma Hedlund' },
    past.id,
    past.version,
  );

  let next = await meetings.createMeeting(db, actor, {
    forumId,
    ...afternoon(21),
    place: 'Kommunhuset, sammanträdesrum Storsjön',
    adjusterId: person('Sofia Åberg'),
  });
  for (const title of [
    'Mötets öppnande och val av justerare',
    'Reviderad tidplan för tvåfaktorsautentisering',
  ])
    next = await meetings.addItem(db, actor, next.id, { version: next.version, title });
  made.set('meeting:IT-styrgrupp next', next.id);
  made.set('meeting:IT-styrgrupp past', past.id);
}
