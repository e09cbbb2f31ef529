import {
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CallImport,
  PhoneFigures,
  PhoneSettings,
  PhoneStats,
  StatsGroup,
} from '../../../../shared/desk/phone.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { ForbiddenPage } from '../../../platform/NotFoundPage.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { PhoneImport } from './PhoneImport.tsx';

// The phone page: the answer times per day, week or month against the promise, for agents and
// admins; admins also set the promise and import the telephony system's statistics. A table with a
// bar per period stands in for a chart (the app has no chart library yet), and reads out as well.

const groups: StatsGroup[] = ['day', 'week', 'month'];

/** ISO week number of a Monday (YYYY-MM-DD). */
function isoWeek(day: string): { week: number; year: number } {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / 864e5 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return { week, year };
}

function useFigures() {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    seconds: (value: number | null) =>
      value === null ? '–' : t('desk.phone.seconds', { value: f.number(Math.round(value)) }),
    share: (value: number | null) =>
      value === null
        ? '–'
        : new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
  };
}

function MetBadge({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <StatusBadge tone="neutral">{t('desk.phone.noCalls')}</StatusBadge>;
  return (
    <StatusBadge tone={met ? 'positive' : 'negative'}>
      {met ? t('desk.phone.met') : t('desk.phone.notMet')}
    </StatusBadge>
  );
}

function Summary({ total, target }: { total: PhoneFigures; target: PhoneSettings }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = useFigures();
  const cards = [
    { label: t('desk.phone.offered'), value: f.number(total.offered) },
    { label: t('desk.phone.answered'), value: f.number(total.answered) },
    { label: t('desk.phone.abandoned'), value: f.number(total.abandoned) },
    {
      label: t('desk.phone.withinTarget', { seconds: target.answerSeconds }),
      value: f.number(total.answeredWithinTarget),
    },
    { label: t('desk.phone.share'), value: x.share(total.shareWithinTarget) },
    { label: t('desk.phone.meanWait'), value: x.seconds(total.meanWaitSeconds) },
    { label: t('desk.phone.p90Wait'), value: x.seconds(total.p90WaitSeconds) },
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text>
          {t('desk.phone.promise', { percent: target.targetPercent, seconds: target.answerSeconds })}
        </Text>
        <MetBadge met={total.targetMet} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" component="dl" m={0}>
        {cards.map((card) => (
          <Paper key={card.label} withBorder p="sm">
            <Text component="dt" size="sm" c="dimmed">
              {card.label}
            </Text>
            <Text component="dd" m={0} size="xl" fw={700}>
              {card.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function PeriodTable({ stats }: { stats: PhoneStats }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = useFigures();
  const label = (period: string) => {
    if (stats.groupBy === 'day') return f.date(period);
    if (stats.groupBy === 'week') return t('desk.phone.periodWeek', isoWeek(period));
    return new Intl.DateTimeFormat(f.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${period}T00:00:00Z`),
    );
  };
  const target = stats.target;
  return (
    <DataTable
      caption={t('desk.phone.periodsCaption')}
      colSpan={8}
      minWidth={900}
      empty={stats.periods.length === 0}
      emptyText={t('desk.phone.noCalls')}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('desk.phone.period')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.offered')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.answered')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.abandoned')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.withinTarget', { seconds: target.answerSeconds })}
          </Table.Th>
          <Table.Th scope="col" miw={220}>
            {t('desk.phone.share')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.meanWait')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.phone.p90Wait')}
          </Table.Th>
        </Table.Tr>
      }
    >
      {stats.periods.map((p) => (
        <Table.Tr key={p.period}>
          <Table.Th scope="row" fw={500}>
            {label(p.period)}
          </Table.Th>
          <Table.Td ta="right">{f.number(p.offered)}</Table.Td>
          <Table.Td ta="right">{f.number(p.answered)}</Table.Td>
          <Table.Td ta="right">{f.number(p.abandoned)}</Table.Td>
          <Table.Td ta="right">{f.number(p.answeredWithinTarget)}</Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Progress
                value={(p.shareWithinTarget ?? 0) * 100}
                color={p.targetMet ? 'green.8' : 'red.8'}
                style={{ flex: 1 }}
                aria-label={t('desk.phone.shareBar', {
                  value: x.share(p.shareWithinTarget),
                  target: target.targetPercent,
                })}
              />
              <Text size="sm" w={56} ta="right">
                {x.share(p.shareWithinTarget)}
              </Text>
            </Group>
          </Table.Td>
          <Table.Td ta="right">{x.seconds(p.meanWaitSeconds)}</Table.Td>
          <Table.Td ta="right">{x.seconds(p.p90WaitSeconds)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function SettingsForm({ settings }: { settings: PhoneSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [seconds, setSeconds] = useState<number | string>(settings.answerSeconds);
  const [percent, setPercent] = useState<number | string>(settings.targetPercent);
  useEffect(() => {
    setSeconds(settings.answerSeconds);
    setPercent(settings.targetPercent);
  }, [settings.answerSeconds, settings.targetPercent]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<PhoneSettings>('/api/v1/phone-calls/settings', {
        version: settings.version,
        answerSeconds: Number(seconds),
        targetPercent: Number(percent),
      }),
    onSuccess: async () => {
      notifySuccess(t('desk.phone.saved'));
      await client.invalidateQueries({ queryKey: ['desk', 'phone'] });
    },
  });
  return (
    <Section
      id="phone-settings"
      title={t('desk.phone.settingsTitle')}
      description={t('desk.phone.settingsHelp')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            onReload={() => client.invalidateQueries({ queryKey: ['desk', 'phone'] })}
          />
          <Group align="flex-end">
            <NumberInput
              label={t('desk.phone.answerSeconds')}
              min={1}
              max={3600}
              allowDecimal={false}
              value={seconds}
              onChange={setSeconds}
              required
            />
            <NumberInput
              label={t('desk.phone.targetPercent')}
              min={1}
              max={100}
              allowDecimal={false}
              value={percent}
              onChange={setPercent}
              required
            />
            <Button type="submit" loading={save.isPending}>
              {t('desk.phone.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function ImportsTable() {
  const { t } = useTranslation();
  const f = useFormat();
  const imports = useQuery({
    queryKey: ['desk', 'phone', 'imports'],
    queryFn: ({ signal }) => api.get<{ items: CallImport[] }>('/api/v1/phone-calls/imports', { signal }),
  });
  const items = imports.data?.items ?? [];
  return (
    <Section id="phone-imports" title={t('desk.phone.importsTitle')}>
      <DataTable
        caption={t('desk.phone.importsCaption')}
        colSpan={6}
        loading={imports.isLoading}
        error={imports.error}
        empty={items.length === 0}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('desk.phone.importedAt')}</Table.Th>
            <Table.Th scope="col">{t('desk.phone.importedBy')}</Table.Th>
            <Table.Th scope="col">{t('desk.phone.fileName')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('desk.phone.rows')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('desk.phone.added')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('desk.phone.alreadyImported')}
            </Table.Th>
          </Table.Tr>
        }
      >
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{f.dateTime(i.importedAt)}</Table.Td>
            <Table.Td>{i.importedBy ?? '–'}</Table.Td>
            <Table.Td>{i.fileName ?? '–'}</Table.Td>
            <Table.Td ta="right">{f.number(i.rows)}</Table.Td>
            <Table.Td ta="right">{f.number(i.added)}</Table.Td>
            <Table.Td ta="right">{f.number(i.alreadyImported)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Section>
  );
}

export function PhonePage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [queue, setQueue] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<StatsGroup>('week');
  const stats = useQuery({
    queryKey: ['desk', 'phone', 'stats', { from, to, queue, groupBy }],
    queryFn: ({ signal }) =>
      api.get<PhoneStats>(`/api/v1/phone-calls/stats${query({ from, to, queue, groupBy })}`, { signal }),
    placeholderData: (previous) => previous,
  });
  if (stats.error instanceof ApiError && stats.error.status === 403) return <ForbiddenPage />;
  const data = stats.data;
  return (
    <>
      <PageHeader
        title={t('desk.phone.title')}
        description={t('desk.phone.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.phone.title') }]}
      />
      <Stack gap="md">
        <Section id="phone-figures" title={t('desk.phone.figures')}>
          <Stack>
            <Group align="flex-end" gap="sm">
              <DateField label={t('desk.phone.from')} value={from ?? data?.from} onChange={setFrom} w={170} />
              <DateField label={t('desk.phone.to')} value={to ?? data?.to} onChange={setTo} w={170} />
              <Select
                label={t('desk.phone.queue')}
                placeholder={t('desk.phone.allQueues')}
                data={data?.queues ?? []}
                value={queue}
                onChange={setQueue}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                w={220}
              />
              <Select
                label={t('desk.phone.groupBy')}
                data={groups.map((g) => ({ value: g, label: t(`desk.phone.group.${g}`) }))}
                value={groupBy}
                onChange={(value) => value && setGroupBy(value as StatsGroup)}
                allowDeselect={false}
                w={140}
              />
            </Group>
            <ProblemAlert error={stats.error} />
            {data && <Summary total={data.total} target={data.target} />}
            {data && <PeriodTable stats={data} />}
          </Stack>
        </Section>
        {data?.target.can.update && <SettingsForm settings={data.target} />}
        {data?.can.import && <PhoneImport />}
        <ImportsTable />
      </Stack>
    </>
  );
}
