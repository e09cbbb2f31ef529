import { Alert, Button, Group, List, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { IconDownload, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Comparison,
  FigureSettings,
  Figures,
  Trend,
  UnitBudgets,
  UnitFigures,
} from '../../../../shared/catalogue/figures.ts';
import { api, query } from '../../../platform/api.ts';
import { BarChart, LineChart } from '../../../platform/charts.tsx';
import { FormDialog } from '../../../platform/dialogs.tsx';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { toOre } from '../api.ts';
import type { FiguresSearch } from './search.ts';

// The cost figures (nyckeltal, issue 16 point 6): the tenant's IT cost per unit, per employee and
// per IT-arbetsplats of a year with the definitions they are counted by, budget against outcome,
// the trend over the last years, and the comparison with the installation's other municipalities
// that share their totals; the XLSX of the year; the keepers set the units' budgets and whether
// the tenant shares.

/** Colours of at least 3:1 against white; the charts add a pattern each. */
const COLORS = ['#1864ab', '#c2255c', '#2b8a3e', '#5f3dc4'];
const TREND_YEARS = 5;

const thisYear = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4));

const keys = {
  all: ['catalogue', 'figures'] as const,
  year: (year: number) => ['catalogue', 'figures', 'year', year] as const,
  trend: ['catalogue', 'figures', 'trend'] as const,
  comparison: (year: number) => ['catalogue', 'figures', 'comparison', year] as const,
  budgets: (year: number) => ['catalogue', 'figures', 'budgets', year] as const,
  settings: ['catalogue', 'figures', 'settings'] as const,
};

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/catalogue/figures' });
  const navigate = useNavigate({ from: '/catalogue/figures' });
  const year = search.year ?? thisYear();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.figures.${key}`, o);
  const figures = useQuery({
    queryKey: keys.year(year),
    queryFn: ({ signal }) => api.get<Figures>(`/api/v1/catalogue/figures${query({ year })}`, { signal }),
  });
  const trend = useQuery({
    queryKey: keys.trend,
    queryFn: ({ signal }) =>
      api.get<Trend>(`/api/v1/catalogue/figures/trend${query({ years: TREND_YEARS })}`, { signal }),
  });
  const comparison = useQuery({
    queryKey: keys.comparison(year),
    queryFn: ({ signal }) =>
      api.get<Comparison>(`/api/v1/catalogue/figures/comparison${query({ year })}`, { signal }),
  });
  const [editing, setEditing] = useState(false);
  const d = figures.data;
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const money = (v: number | null) => (v === null ? <EmptyValue /> : f.sek(v));
  const per = (v: number | null) => (v === null ? '–' : f.sek(v));
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Group>
            <Button
              component="a"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              href={`/api/v1/catalogue/figures/export${query({ year })}`}
              download
            >
              {t('common.exportXlsx')}
            </Button>
            {d?.can.setBudgets && (
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {m('setBudgets')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <Group align="end">
          <NumberInput
            label={m('year')}
            value={year}
            onChange={(v) =>
              void navigate({
                search: (prev: FiguresSearch) => ({ ...prev, year: Number(v) || undefined }),
                replace: true,
              })
            }
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            w={140}
          />
          {d && (
            <Text size="sm" c="dimmed">
              {d.lockedMonths.length > 0
                ? m('lockedMonths', { count: d.lockedMonths.length, months: d.lockedMonths.join(', ') })
                : m('noLockedMonths')}{' '}
              {m('countedOn', { date: f.date(d.periodEnd) })}
            </Text>
          )}
        </Group>
        {d?.preview && (
          <Alert color="blue" title={m('previewTitle', { period: d.preview.period })}>
            {m('previewText', { total: f.sek(d.preview.total) })}
          </Alert>
        )}
        <Section id="figures-units" title={m('perUnit', { year })}>
          <DataTable
            caption={m('perUnitCaption', { year })}
            colSpan={8}
            minWidth={960}
            loading={figures.isPending}
            error={figures.error}
            empty={!d || d.units.length === 0}
            emptyText={m('none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{m('unit')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('cost')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('employees')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('workplaces')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('perEmployee')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('perWorkplace')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('budget')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('deviation')}
                </Table.Th>
              </Table.Tr>
            }
          >
            {(d?.units ?? []).map((u) => (
              <Table.Tr key={u.unit.id}>
                <Table.Th
                  scope="row"
                  fw={u.depth === 0 ? 600 : 400}
                  pl={`calc(var(--mantine-spacing-xs) + ${u.depth}rem)`}
                >
                  {u.unit.name}
                  {u.unit.archived && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({m('archived')})
                    </Text>
                  )}
                </Table.Th>
                <Table.Td ta="right">{f.sek(u.cost)}</Table.Td>
                <Table.Td ta="right">{f.number(u.employees)}</Table.Td>
                <Table.Td ta="right">{f.number(u.workplaces)}</Table.Td>
                <Table.Td ta="right">{per(u.perEmployee)}</Table.Td>
                <Table.Td ta="right">{per(u.perWorkplace)}</Table.Td>
                <Table.Td ta="right">{money(u.budget)}</Table.Td>
                <Table.Td ta="right" c={(u.deviation ?? 0) < 0 ? 'red.9' : undefined}>
                  {money(u.deviation)}
                </Table.Td>
              </Table.Tr>
            ))}
            {d && (
              <Table.Tr fw={600}>
                <Table.Th scope="row">{m('total')}</Table.Th>
                <Table.Td ta="right">{f.sek(d.total.cost)}</Table.Td>
                <Table.Td ta="right">{f.number(d.total.employees)}</Table.Td>
                <Table.Td ta="right">{f.number(d.total.workplaces)}</Table.Td>
                <Table.Td ta="right">{per(d.total.perEmployee)}</Table.Td>
                <Table.Td ta="right">{per(d.total.perWorkplace)}</Table.Td>
                <Table.Td ta="right">{money(d.total.budget)}</Table.Td>
                <Table.Td ta="right" c={(d.total.deviation ?? 0) < 0 ? 'red.9' : undefined}>
                  {money(d.total.deviation)}
                </Table.Td>
              </Table.Tr>
            )}
          </DataTable>
        </Section>
        <Section id="figures-definitions" title={m('definitions')}>
          {d && (
            <List spacing="xs" size="sm">
              {(['cost', 'employees', 'workplaces', 'perEmployee', 'perWorkplace', 'budget'] as const).map(
                (k) => (
                  <List.Item key={k}>{d.definitions[k][lang]}</List.Item>
                ),
              )}
            </List>
          )}
        </Section>
        <Section id="figures-trend" title={m('trend')}>
          {trend.data && (
            <Stack gap="lg">
              <LineChart
                title={m('trendPerChart')}
                summary={m('trendPerSummary', { count: TREND_YEARS })}
                labels={trend.data.items.map((y) => String(y.year))}
                series={[
                  {
                    label: m('perEmployee'),
                    color: COLORS[0]!,
                    values: trend.data.items.map((y) => y.perEmployee ?? 0),
                  },
                  {
                    label: m('perWorkplace'),
                    color: COLORS[1]!,
                    values: trend.data.items.map((y) => y.perWorkplace ?? 0),
                  },
                ]}
                tableLabel={m('showTable')}
                periodLabel={m('yearColumn')}
                valueLabel={m('kronor')}
                format={(v) => f.sek(v)}
              />
              <BarChart
                title={m('trendBudgetChart')}
                summary={m('trendBudgetSummary', { count: TREND_YEARS })}
                labels={trend.data.items.map((y) => String(y.year))}
                series={[
                  {
                    label: m('budget'),
                    color: COLORS[2]!,
                    values: trend.data.items.map((y) => y.budget ?? 0),
                  },
                  { label: m('outcome'), color: COLORS[0]!, values: trend.data.items.map((y) => y.cost) },
                ]}
                tableLabel={m('showTable')}
                periodLabel={m('yearColumn')}
                valueLabel={m('kronor')}
                format={(v) => f.sek(v)}
              />
            </Stack>
          )}
        </Section>
        <Section
          id="figures-comparison"
          title={m('comparison', { year })}
          description={m('comparisonDescription')}
        >
          <Stack gap="md">
            <SharingSwitch />
            {comparison.data && !comparison.data.shared && <Text size="sm">{m('notShared')}</Text>}
            {comparison.data && comparison.data.tenants.length > 0 && (
              <>
                <BarChart
                  title={m('comparisonChart', { year })}
                  summary={m('comparisonSummary', { count: comparison.data.tenants.length })}
                  labels={comparison.data.tenants.map((c) => c.name)}
                  series={[
                    {
                      label: m('perEmployee'),
                      color: COLORS[0]!,
                      values: comparison.data.tenants.map((c) => c.perEmployee ?? 0),
                    },
                    {
                      label: m('perWorkplace'),
                      color: COLORS[1]!,
                      values: comparison.data.tenants.map((c) => c.perWorkplace ?? 0),
                    },
                  ]}
                  tableLabel={m('showTable')}
                  periodLabel={m('municipality')}
                  valueLabel={m('kronor')}
                  format={(v) => f.sek(v)}
                />
                <DataTable
                  caption={m('comparisonCaption', { year })}
                  colSpan={6}
                  minWidth={720}
                  head={
                    <Table.Tr>
                      <Table.Th scope="col">{m('municipality')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {m('cost')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {m('employees')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {m('workplaces')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {m('perEmployee')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {m('perWorkplace')}
                      </Table.Th>
                    </Table.Tr>
                  }
                >
                  {comparison.data.tenants.map((c) => (
                    <Table.Tr key={c.name}>
                      <Table.Th scope="row" fw={c.own ? 600 : 400}>
                        {c.name}
                        {c.own && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({m('own')})
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {m('monthsShort', { count: c.lockedMonths })}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">{f.sek(c.cost)}</Table.Td>
                      <Table.Td ta="right">{f.number(c.employees)}</Table.Td>
                      <Table.Td ta="right">{f.number(c.workplaces)}</Table.Td>
                      <Table.Td ta="right">{per(c.perEmployee)}</Table.Td>
                      <Table.Td ta="right">{per(c.perWorkplace)}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </>
            )}
          </Stack>
        </Section>
      </Stack>
      {d && <BudgetsDialog opened={editing} onClose={() => setEditing(false)} year={year} units={d.units} />}
    </>
  );
}

function SharingSwitch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => api.get<FigureSettings>('/api/v1/catalogue/figure-settings', { signal }),
  });
  const save = useMutation({
    mutationFn: (shareFigures: boolean) =>
      api.put('/api/v1/catalogue/figure-settings', { shareFigures, version: settings.data?.version ?? 0 }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.all });
      notifySuccess(t('common.saved'));
    },
  });
  const s = settings.data;
  if (!s) return null;
  return (
    <Stack gap={4}>
      <Switch
        label={t('catalogue.figures.share')}
        description={t('catalogue.figures.shareDescription')}
        checked={s.shareFigures}
        disabled={!s.can.update || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
      {save.error && (
        <Text size="sm" c="red.9" role="alert">
          {t('catalogue.figures.shareFailed')}
        </Text>
      )}
    </Stack>
  );
}

function BudgetsDialog({
  opened,
  onClose,
  year,
  units,
}: {
  opened: boolean;
  onClose: () => void;
  year: number;
  units: UnitFigures[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const budgets = useQuery({
    queryKey: keys.budgets(year),
    queryFn: ({ signal }) => api.get<UnitBudgets>(`/api/v1/catalogue/unit-budgets/${year}`, { signal }),
    enabled: opened,
  });
  const [amounts, setAmounts] = useState<Record<string, number | string>>({});
  const rows = budgets.data?.items ?? [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when (re)opened or reloaded
  useEffect(() => {
    if (!opened || !budgets.data) return;
    setAmounts(Object.fromEntries(budgets.data.items.map((b) => [b.unitId, b.amount / 100])));
  }, [opened, budgets.dataUpdatedAt]);
  const items = () =>
    units
      .filter((u) => !u.unit.archived)
      .flatMap((u) => {
        const had = rows.find((b) => b.unitId === u.unit.id);
        const typed = amounts[u.unit.id];
        if (typed === undefined || typed === '') return [];
        const amount = toOre(typed) ?? -1;
        if (had && had.amount === amount) return [];
        return [{ unitId: u.unit.id, amount, ...(had ? { version: had.version } : {}) }];
      });
  const [sent, setSent] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: () => {
      const body = items();
      setSent(body.map((b) => b.unitId));
      return api.put(`/api/v1/catalogue/unit-budgets/${year}`, { items: body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.all });
      notifySuccess(t('common.saved'));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = useFieldErrors(save.error);
  /** The server names an item by its place in what was sent. */
  const errorOf = (unitId: string) => {
    const k = sent.indexOf(unitId);
    return k < 0 ? undefined : (errors[`items.${k}.amount`] ?? errors[`items.${k}.unitId`]);
  };
  function close() {
    save.reset();
    onClose();
  }
  const shown = units.filter((u) => !u.unit.archived);
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('catalogue.figures.budgetsTitle', { year })}
      help={t('catalogue.figures.budgetsHelp')}
      formRef={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        if (items().length === 0) close();
        else save.mutate();
      }}
      error={save.error}
      fields={sent.flatMap((_, k) => [`items.${k}.amount`, `items.${k}.unitId`])}
      onReload={() => void budgets.refetch().then(() => save.reset())}
      submitLabel={t('common.save')}
      loading={save.isPending}
      size="lg"
    >
      {shown.map((u, i) => (
        <NumberInput
          key={u.unit.id}
          label={u.unit.name}
          description={u.depth > 0 ? t('catalogue.figures.depth', { depth: u.depth }) : undefined}
          value={amounts[u.unit.id] ?? ''}
          onChange={(v) => setAmounts((prev) => ({ ...prev, [u.unit.id]: v }))}
          error={errorOf(u.unit.id)}
          min={0}
          thousandSeparator=" "
          decimalSeparator=","
          decimalScale={2}
          {...(i === 0 ? { 'data-autofocus': true } : {})}
        />
      ))}
    </FormDialog>
  );
}
