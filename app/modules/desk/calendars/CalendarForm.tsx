import {
  ActionIcon,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Calendar,
  type CalendarException,
  calendarCreate,
  defaultTimeZone,
  defaultWeekly,
  type HolidayKey,
  holidayKeys,
  type Interval,
  type Weekday,
  type Weekly,
  weekdays,
} from '../../../../shared/desk/calendars.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { useUnitIndex } from '../../../platform/directory/api.ts';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { useCalendarInvalidate } from './api.ts';

// Creating and changing a business calendar: name, zone, the weekly intervals per day (added and
// removed row by row), which holidays close, extra closed dates and dated exceptions, and the
// units it belongs to. Checked as typed by the server's own schema (shared/desk/calendars.ts),
// each message beside the input it is about.

interface CalendarValues {
  name: string;
  timeZone: string;
  isDefault: boolean;
  weekly: Weekly;
  swedishHolidays: boolean;
  openHolidays: HolidayKey[];
  extraClosedDates: string[];
  exceptions: CalendarException[];
  unitIds: string[];
}

const topFields = [
  'name',
  'timeZone',
  'isDefault',
  'weekly',
  'swedishHolidays',
  'openHolidays',
  'extraClosedDates',
  'exceptions',
  'unitIds',
] as const;

function valuesOf(c: Calendar | null): CalendarValues {
  return {
    name: c?.name ?? '',
    timeZone: c?.timeZone ?? defaultTimeZone,
    isDefault: c?.isDefault ?? false,
    weekly: (c?.weekly ?? defaultWeekly) as Weekly,
    swedishHolidays: c?.swedishHolidays ?? true,
    openHolidays: c?.openHolidays ?? [],
    extraClosedDates: c?.extraClosedDates ?? [],
    exceptions: (c?.exceptions ?? []) as CalendarException[],
    unitIds: c?.unitIds ?? [],
  };
}

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [defaultTimeZone];
  }
})();

/** Every issue of the schema by its whole path (`weekly.mon.0.1`), for messages beside each input. */
function detailedErrors(input: unknown): Record<string, string> {
  const result = calendarCreate.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

/** A day's intervals: two time fields a row, each row removable, and a button to add one. */
function IntervalRows({
  label,
  intervals,
  onChange,
  errorOf,
}: {
  label: string;
  intervals: Interval[];
  onChange: (next: Interval[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, side: 0 | 1, value: string) =>
    onChange(
      intervals.map((iv, k) => (k === i ? ((side === 0 ? [value, iv[1]] : [iv[0], value]) as Interval) : iv)),
    );
  return (
    <Stack gap={6}>
      {intervals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('desk.calendars.closed')}
        </Text>
      )}
      {intervals.map((iv, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity but their place
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('desk.calendars.intervalStart', { day: label, n: i + 1 })}
            value={iv[0]}
            onChange={(e) => set(i, 0, e.currentTarget.value)}
            error={errorOf(`${i}.0`) ?? errorOf(`${i}`)}
            placeholder="07:00"
            maxLength={5}
            w={90}
            inputMode="numeric"
          />
          <Text pt={6} aria-hidden>
            –
          </Text>
          <TextInput
            aria-label={t('desk.calendars.intervalEnd', { day: label, n: i + 1 })}
            value={iv[1]}
            onChange={(e) => set(i, 1, e.currentTarget.value)}
            error={errorOf(`${i}.1`)}
            placeholder="16:00"
            maxLength={5}
            w={90}
            inputMode="numeric"
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            mt={4}
            aria-label={t('desk.calendars.removeInterval', { n: i + 1, day: label })}
            onClick={() => onChange(intervals.filter((_, k) => k !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          aria-label={t('desk.calendars.addIntervalTo', { day: label })}
          onClick={() => {
            const last = intervals[intervals.length - 1];
            onChange([
              ...intervals,
              last ? [last[1] === '24:00' ? '00:00' : last[1], '24:00'] : ['07:00', '16:00'],
            ]);
          }}
        >
          {t('desk.calendars.addInterval')}
        </Button>
      </div>
    </Stack>
  );
}

export function CalendarFormModal({
  opened,
  onClose,
  calendar,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  calendar: Calendar | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useCalendarInvalidate();
  const { units, pathOf } = useUnitIndex();
  const [tried, setTried] = useState(false);
  const [newClosed, setNewClosed] = useState<string | undefined>();
  const [newException, setNewException] = useState<string | undefined>();
  const form = useRecordForm({
    opened,
    onClose: () => {
      setTried(false);
      onClose();
    },
    record: calendar,
    initial: () => valuesOf(calendar),
    collection: '/api/v1/calendars',
    payload: (v: CalendarValues) => ({ ...v, name: v.name.trim(), timeZone: v.timeZone.trim() }),
    createOnly: () => ({}),
    before: (c) => ({ ...valuesOf(c) }),
    schema: calendarCreate,
    invalidate,
    createdMessage: (saved) => t('desk.calendars.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/desk/calendars/$calendarId', params: { calendarId: saved.id } }),
    onReload,
  });
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = form;
  const detail = useMemo(
    () => (tried ? detailedErrors({ ...values, name: values.name.trim() }) : {}),
    [tried, values],
  );
  const errorAt = (path: string) => {
    const message = detail[path];
    return message ? translateMessage(t, message) : undefined;
  };
  const field = (name: string) => t(`desk.calendars.field.${name}`);
  const set = <K extends keyof CalendarValues>(key: K, value: CalendarValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const unitData = units
    .filter((u) => !u.archivedAt || values.unitIds.includes(u.id))
    .map((u) => ({
      value: u.id,
      label: pathOf(u.id)
        .map((p) => p.name)
        .join(' › '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.calendars.createTitle') : t('desk.calendars.editTitle')}
      size="xl"
    >
      <form
        ref={formRef}
        onSubmit={(e) => {
          setTried(true);
          submit(e);
        }}
        noValidate
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={[...topFields]}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={field('name')}
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
              required
              data-autofocus
            />
            <Autocomplete
              label={field('timeZone')}
              value={values.timeZone}
              onChange={(value) => set('timeZone', value)}
              data={zones}
              limit={30}
              error={errors.timeZone}
              maxLength={64}
              comboboxProps={{ withinPortal: true }}
              required
            />
          </SimpleGrid>
          <Switch
            label={field('isDefault')}
            description={field('isDefaultHelp')}
            checked={values.isDefault}
            onChange={(e) => set('isDefault', e.currentTarget.checked)}
            error={errors.isDefault}
          />
          <MultiSelect
            label={field('unitIds')}
            description={field('unitIdsHelp')}
            data={unitData}
            value={values.unitIds}
            onChange={(value) => set('unitIds', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            error={errors.unitIds}
          />

          <Fieldset legend={field('weekly')}>
            {errors.weekly && !Object.keys(detail).some((k) => k.startsWith('weekly.')) && (
              <Text size="sm" c="red.9" role="alert" mb="xs">
                {errors.weekly}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {weekdays.map((day: Weekday) => {
                const label = t(`desk.calendars.weekday.${day}`);
                return (
                  <Fieldset key={day} legend={label} variant="unstyled">
                    <IntervalRows
                      label={label}
                      intervals={values.weekly[day]}
                      onChange={(next) => set('weekly', { ...values.weekly, [day]: next })}
                      errorOf={(p) => errorAt(`weekly.${day}.${p}`)}
                    />
                  </Fieldset>
                );
              })}
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={field('openHolidays')}>
            <Stack gap="xs">
              <Switch
                label={field('swedishHolidays')}
                checked={values.swedishHolidays}
                onChange={(e) => set('swedishHolidays', e.currentTarget.checked)}
              />
              {values.swedishHolidays && (
                <>
                  <Text size="sm" c="dimmed">
                    {t('desk.calendars.holidaysHelp')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6}>
                    {holidayKeys.map((key) => (
                      <Checkbox
                        key={key}
                        label={t(`desk.calendars.holiday.${key}`)}
                        checked={!values.openHolidays.includes(key)}
                        onChange={(e) => {
                          const closed = e.currentTarget.checked;
                          set(
                            'openHolidays',
                            closed
                              ? values.openHolidays.filter((k) => k !== key)
                              : holidayKeys.filter((k) => k === key || values.openHolidays.includes(k)),
                          );
                        }}
                      />
                    ))}
                  </SimpleGrid>
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={field('extraClosedDates')}>
            <Stack gap="xs">
              {values.extraClosedDates.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('desk.calendars.noDates')}
                </Text>
              )}
              {values.extraClosedDates.map((date, i) => (
                <Group key={date} gap="xs">
                  <Text size="sm" ff="monospace" c={errorAt(`extraClosedDates.${i}`) ? 'red.9' : undefined}>
                    {date}
                  </Text>
                  {errorAt(`extraClosedDates.${i}`) && (
                    <Text size="sm" c="red.9">
                      {errorAt(`extraClosedDates.${i}`)}
                    </Text>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('desk.calendars.removeClosedDate', { date })}
                    onClick={() =>
                      set(
                        'extraClosedDates',
                        values.extraClosedDates.filter((d) => d !== date),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group align="flex-end" gap="xs">
                <DateField
                  label={t('desk.calendars.closedDate')}
                  value={newClosed}
                  onChange={setNewClosed}
                  w={200}
                />
                <Button
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={!newClosed}
                  onClick={() => {
                    if (newClosed && !values.extraClosedDates.includes(newClosed))
                      set('extraClosedDates', [...values.extraClosedDates, newClosed].sort());
                    setNewClosed(undefined);
                  }}
                >
                  {t('desk.calendars.addClosedDate')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={field('exceptions')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('desk.calendars.exceptionsHelp')}
              </Text>
              {values.exceptions.map((ex, i) => (
                <Fieldset key={ex.date} legend={ex.date} variant="filled">
                  <Group justify="space-between" align="flex-start">
                    <IntervalRows
                      label={ex.date}
                      intervals={ex.intervals}
                      onChange={(next) =>
                        set(
                          'exceptions',
                          values.exceptions.map((e, k) => (k === i ? { ...e, intervals: next } : e)),
                        )
                      }
                      errorOf={(p) => errorAt(`exceptions.${i}.intervals.${p}`)}
                    />
                    <Button
                      variant="subtle"
                      color="red.9"
                      size="compact-sm"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() =>
                        set(
                          'exceptions',
                          values.exceptions.filter((_, k) => k !== i),
                        )
                      }
                      aria-label={t('desk.calendars.removeException', { date: ex.date })}
                    >
                      {t('desk.calendars.remove')}
                    </Button>
                  </Group>
                </Fieldset>
              ))}
              <Group align="flex-end" gap="xs">
                <DateField
                  label={t('desk.calendars.exceptionDate')}
                  value={newException}
                  onChange={setNewException}
                  w={200}
                />
                <Button
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={!newException}
                  onClick={() => {
                    if (newException && !values.exceptions.some((e) => e.date === newException))
                      set(
                        'exceptions',
                        [...values.exceptions, { date: newException, intervals: [] }].sort((a, b) =>
                          a.date.localeCompare(b.date),
                        ),
                      );
                    setNewException(undefined);
                  }}
                >
                  {t('desk.calendars.addException')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.calendars.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
