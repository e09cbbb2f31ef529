import { TZDate } from '@date-fns/tz';
import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Calendar, MAX_MINUTES, weekdays } from '../../../../shared/desk/calendars.ts';
import { api, query as queryString } from '../../../platform/api.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { problemText } from '../../../platform/errors.tsx';
import { localeOf, useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useCalendar, useCalendarInvalidate } from './api.ts';
import { CalendarFormModal } from './CalendarForm.tsx';

// One business calendar: its hours per weekday, holidays, closed dates and exceptions, its units,
// and a small form that asks the server when n business minutes from a start have passed.

export function CalendarPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { calendarId } = useParams({ from: '/_app/desk/calendars/$calendarId' });
  const query = useCalendar(calendarId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useCalendarInvalidate();
  const restore = useRestore(`/api/v1/calendars/${calendarId}`, query.data?.version ?? 0, invalidate);
  const calendar = query.data;
  if (!calendar || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.calendars.field.${name}`);
  const openOn = calendar.openHolidays.map((k) => t(`desk.calendars.holiday.${k}`)).join(', ');

  return (
    <>
      <PageHeader
        title={calendar.name}
        breadcrumbs={[
          { label: t('desk.navGroupAdmin') },
          { label: t('desk.calendars.title'), to: '/desk/calendars' },
          { label: calendar.name },
        ]}
        actions={
          <RecordActions
            archived={!!calendar.archivedAt}
            can={calendar.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'calendar', entityId: calendar.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          calendar.archivedAt
            ? {
                title: t('desk.calendars.archivedTitle', { date: f.date(calendar.archivedAt) }),
                reason: calendar.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="calendar-details" title={t('desk.calendars.details')}>
          <DetailList
            items={[
              { label: field('timeZone'), value: calendar.timeZone },
              {
                label: field('isDefault'),
                value: calendar.isDefault ? (
                  <Badge variant="light">{t('desk.calendars.default')}</Badge>
                ) : (
                  t('common.no')
                ),
              },
              {
                label: field('openHolidays'),
                value: calendar.swedishHolidays
                  ? `${t('desk.calendars.holidaysOn')}${openOn ? `. ${t('desk.calendars.openOn', { list: openOn })}` : ''}`
                  : t('desk.calendars.holidaysOff'),
              },
              {
                label: field('extraClosedDates'),
                value: calendar.extraClosedDates.length
                  ? calendar.extraClosedDates.join(', ')
                  : t('desk.calendars.noDates'),
              },
              {
                label: field('unitIds'),
                value: calendar.unitIds.length ? (
                  <Stack gap={2}>
                    {calendar.unitIds.map((id) => (
                      <UnitLink key={id} id={id} withPath />
                    ))}
                  </Stack>
                ) : null,
              },
            ]}
          />
        </Section>
        <Section id="calendar-weekly" title={t('desk.calendars.weeklyHours')}>
          <Table captionSide="top" withRowBorders>
            <caption className="visually-hidden">{t('desk.calendars.weeklyHours')}</caption>
            <Table.Tbody>
              {weekdays.map((d) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row" w={160}>
                    {t(`desk.calendars.weekday.${d}`)}
                  </Table.Th>
                  <Table.Td>
                    {calendar.weekly[d].length
                      ? calendar.weekly[d].map(([s, e]) => `${s}–${e}`).join(', ')
                      : t('desk.calendars.closed')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section id="calendar-exceptions" title={field('exceptions')}>
          {calendar.exceptions.length === 0 ? (
            <Text size="sm">{t('desk.calendars.noDates')}</Text>
          ) : (
            <Table>
              <caption className="visually-hidden">{field('exceptions')}</caption>
              <Table.Tbody>
                {calendar.exceptions.map((e) => (
                  <Table.Tr key={e.date}>
                    <Table.Th scope="row" w={160}>
                      {e.date}
                    </Table.Th>
                    <Table.Td>
                      {e.intervals.length
                        ? e.intervals.map(([s, en]) => `${s}–${en}`).join(', ')
                        : t('desk.calendars.exceptionClosed')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
        <TryIt calendar={calendar} />
      </Stack>
      {calendar.can.update && (
        <CalendarFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          calendar={calendar}
          onReload={() => query.refetch()}
        />
      )}
      {calendar.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('desk.calendars.archiveTitle', { name: calendar.name })}
          help={t('desk.calendars.archiveHelp')}
          path={`/api/v1/calendars/${calendar.id}`}
          version={calendar.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

/** The start as an instant with offset: the date and time read in the calendar's own zone. */
function startIn(zone: string, date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!d || !tm) return null;
  return new TZDate(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    Number(tm[1]),
    Number(tm[2]),
    zone,
  ).toISOString();
}

function TryIt({ calendar }: { calendar: Calendar }) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<string | undefined>(() => new Date().toISOString().slice(0, 10));
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState<number | string>(2700);
  const [timeError, setTimeError] = useState<string | undefined>();
  const ask = useMutation({
    mutationFn: (start: string) =>
      api.get<{ due: string }>(
        `/api/v1/calendars/${calendar.id}/due${queryString({ start, minutes: Number(minutes) })}`,
      ),
  });
  const dueText = ask.data
    ? new Intl.DateTimeFormat(localeOf(i18n.language), {
        timeZone: calendar.timeZone,
        dateStyle: 'full',
        timeStyle: 'short',
      }).format(new Date(ask.data.due))
    : null;

  return (
    <Section id="calendar-try" title={t('desk.calendars.tryIt')} description={t('desk.calendars.tryItHelp')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const start = date ? startIn(calendar.timeZone, date, time) : null;
          if (!start) {
            setTimeError(t('desk.calendars.serverMessage.time'));
            return;
          }
          setTimeError(undefined);
          ask.mutate(start);
        }}
      >
        <Group align="flex-start" gap="sm">
          <DateField label={t('desk.calendars.tryDate')} value={date} onChange={setDate} w={180} required />
          <TextInput
            label={t('desk.calendars.tryTime', { zone: calendar.timeZone })}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={timeError}
            maxLength={5}
            w={200}
            required
          />
          <NumberInput
            label={t('desk.calendars.tryMinutes')}
            value={minutes}
            onChange={setMinutes}
            min={0}
            max={MAX_MINUTES}
            allowDecimal={false}
            allowNegative={false}
            w={180}
            required
          />
          <Button type="submit" mt={25} loading={ask.isPending}>
            {t('desk.calendars.tryRun')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {dueText && (
          <Alert mt="md" variant="light">
            {t('desk.calendars.tryResult', { due: dueText, zone: calendar.timeZone })}
          </Alert>
        )}
        {ask.error ? (
          <Alert mt="md" color="red" variant="light">
            {problemText(t, ask.error)}
          </Alert>
        ) : null}
      </div>
    </Section>
  );
}
