import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../platform/format.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { usePageTitle } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useMeeting } from '../api.ts';
import { meetingDay, meetingHours } from './time.ts';

// The minutes (protokoll) of a meeting as a document to print: who attended, each item with its
// minutes, decisions under their § and corrections, and the justering. Print styles hide the
// app's frame and the buttons and keep an item whole on a page where they can.

const printCss = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .styrbord-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; }
  .styrbord-minutes { font-size: 11pt; color: #000; }
  .styrbord-minutes article { break-inside: avoid; }
  @page { size: A4; margin: 20mm; }
}`;

export function MinutesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { meetingId } = useParams({ from: '/_app/governance/meetings/$meetingId/minutes' });
  const query = useMeeting(meetingId);
  const m = query.data;
  const title = m
    ? t('governance.meetings.minutesTitle', { forum: m.forumName, date: meetingDay(m.startsAt) })
    : undefined;
  usePageTitle(title);
  if (!m || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const present = m.attendance.filter((a) => a.status === 'present' || a.status === 'deputyAttending');
  const absent = m.attendance.filter((a) => a.status === 'absent');
  const field = (name: string) => t(`governance.meetings.field.${name}`);
  return (
    <div className="styrbord-minutes">
      <style>{printCss}</style>
      <Group justify="space-between" className="styrbord-no-print" mb="md">
        <RouterButton
          to="/governance/meetings/$meetingId"
          params={{ meetingId }}
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('governance.meetings.back')}
        </RouterButton>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('governance.meetings.printNow')}
        </Button>
      </Group>
      <Stack gap="md" maw={760}>
        <Stack gap={2}>
          <Title order={1}>{title}</Title>
          <Text size="sm">
            {field('when')}: {meetingDay(m.startsAt)} {meetingHours(m)}
            {m.place ? ` · ${field('place')}: ${m.place}` : ''}
          </Text>
        </Stack>
        <section aria-labelledby="minutes-attendance">
          <Title order={2} size="h3" id="minutes-attendance">
            {t('governance.meetings.attendanceTitle')}
          </Title>
          <Text size="sm">
            {t('governance.meetings.present')}:{' '}
            {present
              .map((a) =>
                a.status === 'deputyAttending' && a.deputyName
                  ? t('governance.meetings.deputyFor', { deputy: a.deputyName, name: a.name })
                  : a.name,
              )
              .join(', ') || '–'}
          </Text>
          <Text size="sm">
            {t('governance.meetings.absent')}: {absent.map((a) => a.name).join(', ') || '–'}
          </Text>
          <Text size="sm">
            {field('chair')}: {m.chair?.name ?? '–'} · {field('secretary')}: {m.secretary?.name ?? '–'} ·{' '}
            {field('adjuster')}: {m.adjuster?.name ?? '–'}
          </Text>
        </section>
        {m.items.map((item) => (
          <article key={item.id} aria-labelledby={`minutes-${item.id}`}>
            <Title order={2} size="h3" id={`minutes-${item.id}`}>
              {t('governance.meetings.item', { position: item.position, title: item.title })}
            </Title>
            {item.minutes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.minutes}
              </Text>
            )}
            {item.decisions.map((d) => (
              <Stack key={d.id} gap={0} mt="xs">
                <Text size="sm" fw={600}>
                  § {d.paragraph} {d.title ?? ''} {d.registrationNumber ? `(${d.registrationNumber})` : ''}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.text}
                </Text>
              </Stack>
            ))}
            {item.corrections.map((c) => (
              <Text key={c.id} size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {t('governance.meetings.correction', {
                  date: f.dateTime(c.createdAt),
                  name: c.createdByName,
                })}
                : {c.text}
              </Text>
            ))}
          </article>
        ))}
        <section aria-labelledby="minutes-signatures">
          <Title order={2} size="h3" id="minutes-signatures">
            {t('governance.meetings.signatures')}
          </Title>
          <List size="sm">
            <List.Item>
              {m.chairAdjustedAt
                ? t('governance.meetings.adjustedBy', {
                    role: m.chair?.name ?? field('chair'),
                    date: f.dateTime(m.chairAdjustedAt),
                  })
                : t('governance.meetings.notAdjustedBy', { role: m.chair?.name ?? field('chair') })}
            </List.Item>
            <List.Item>
              {m.adjusterAdjustedAt
                ? t('governance.meetings.adjustedBy', {
                    role: m.adjuster?.name ?? field('adjuster'),
                    date: f.dateTime(m.adjusterAdjustedAt),
                  })
                : t('governance.meetings.notAdjustedBy', { role: m.adjuster?.name ?? field('adjuster') })}
            </List.Item>
          </List>
        </section>
      </Stack>
    </div>
  );
}
