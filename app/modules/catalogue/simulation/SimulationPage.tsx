import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitBillingList } from '../../../../shared/catalogue/billing.ts';
import type { SimulationRequest, SimulationResult } from '../../../../shared/catalogue/simulation.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { BarChart } from '../../../platform/charts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { toOre } from '../api.ts';

// The price simulation for the Finansieringsgrupp: next year's price of each offering (or total
// cost of a cost-covering one) and any unit's volume may be changed; every unit's cost next year
// is shown against this year, as a table and a chart. Nothing is saved.

const BASE_COLOR = '#495057';
const NEXT_COLOR = '#1864ab';

export function SimulationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const year = new Date().getFullYear() + 1;
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.simulation.${key}`, o);
  const [prices, setPrices] = useState<Record<string, number | string>>({});
  const [volumes, setVolumes] = useState<SimulationRequest['volumes']>([]);
  const [volOffering, setVolOffering] = useState<string | null>(null);
  const [volUnit, setVolUnit] = useState<string | null>(null);
  const [volQuantity, setVolQuantity] = useState<number | string>('');
  const allowed = useQuery({
    queryKey: ['catalogue', 'billing', 'can'],
    queryFn: () => api.get<UnitBillingList>('/api/v1/catalogue/billing-units?limit=1'),
  });
  const [base, setBase] = useState<SimulationResult | null>(null);
  const run = useMutation({
    mutationFn: (body: SimulationRequest) =>
      api.post<SimulationResult>('/api/v1/catalogue/simulations', body),
  });
  const mayRun = allowed.data?.can.switch === true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first run, once allowed
  useEffect(() => {
    if (!mayRun) return;
    run.mutate({ year, prices: [], volumes: [] }, { onSuccess: (r) => setBase(r) });
  }, [mayRun]);
  const result = run.data ?? base;
  const simulate = () => {
    const list = (base?.offerings ?? []).flatMap((o) => {
      const value = toOre(prices[o.offeringId] ?? '');
      if (value === null) return [];
      return [
        o.pricing === 'costCovering'
          ? { offeringId: o.offeringId, totalCost: value }
          : { offeringId: o.offeringId, internalPrice: value },
      ];
    });
    run.mutate({ year, prices: list, volumes });
  };
  const modelName = (model: string) => t(`catalogue.offerings.priceModel.${model}`);
  const price = (v: number | null) => (v === null ? '–' : f.sek(v));
  const header = (
    <PageHeader
      title={m('title', { year })}
      description={m('description')}
      breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('nav') }]}
    />
  );
  if (allowed.data && !mayRun)
    return (
      <>
        {header}
        <Alert color="gray">{m('notAllowed')}</Alert>
      </>
    );
  return (
    <>
      {header}
      <Stack>
        <ProblemAlert error={run.error} />
        <Section title={m('pricesCaption')} id="simulation-prices">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              simulate();
            }}
          >
            <DataTable
              caption={m('pricesCaption')}
              colSpan={5}
              loading={!result && run.isPending}
              empty={(base?.offerings.length ?? 0) === 0}
              emptyText={m('none')}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{m('offering')}</Table.Th>
                  <Table.Th scope="col">{m('basePrice', { year: year - 1 })}</Table.Th>
                  <Table.Th scope="col">{m('nextPrice', { year })}</Table.Th>
                  <Table.Th scope="col">{m('volume', { year })}</Table.Th>
                  <Table.Th scope="col">{m('newPrice', { year })}</Table.Th>
                </Table.Tr>
              }
            >
              {(result?.offerings ?? []).map((o) => (
                <Table.Tr key={o.offeringId}>
                  <Table.Th scope="row" fw={500}>
                    {o.name}
                    <Text size="xs" c="dimmed" fw={400}>
                      {modelName(o.priceModel)}
                      {o.pricing === 'costCovering' && ` · ${t('catalogue.offerings.pricing.costCovering')}`}
                    </Text>
                  </Table.Th>
                  <Table.Td>{price(o.basePrice)}</Table.Td>
                  <Table.Td>{price(o.nextPrice)}</Table.Td>
                  <Table.Td>
                    {f.number(o.baseVolume)} → {f.number(o.nextVolume)}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${o.pricing === 'costCovering' ? m('newTotal', { year }) : m('newPrice', { year })}: ${o.name}`}
                      value={prices[o.offeringId] ?? ''}
                      onChange={(v) => setPrices((p) => ({ ...p, [o.offeringId]: v }))}
                      min={0}
                      decimalScale={2}
                      decimalSeparator=","
                      thousandSeparator=" "
                      w={160}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Group mt="md" align="flex-end">
              <Select
                label={m('offering')}
                data={(base?.offerings ?? []).map((o) => ({ value: o.offeringId, label: o.name }))}
                value={volOffering}
                onChange={setVolOffering}
                w={260}
              />
              <Select
                label={m('unit')}
                data={(base?.units ?? []).map((u) => ({ value: u.unitId, label: u.name }))}
                value={volUnit}
                onChange={setVolUnit}
                w={260}
              />
              <NumberInput
                label={m('volume', { year })}
                value={volQuantity}
                onChange={setVolQuantity}
                min={0}
                allowDecimal={false}
                w={140}
              />
              <Button
                variant="default"
                disabled={!volOffering || !volUnit || volQuantity === ''}
                onClick={() => {
                  setVolumes((list) => [
                    ...list.filter((v) => !(v.offeringId === volOffering && v.unitId === volUnit)),
                    { offeringId: volOffering!, unitId: volUnit!, quantity: Number(volQuantity) },
                  ]);
                  setVolQuantity('');
                }}
              >
                {m('setVolume')}
              </Button>
            </Group>
            {volumes.length > 0 && (
              <Group gap="xs" mt="xs">
                {volumes.map((v) => (
                  <StatusBadge key={`${v.offeringId}-${v.unitId}`} tone="info">
                    {base?.units.find((u) => u.unitId === v.unitId)?.name}:{' '}
                    {base?.offerings.find((o) => o.offeringId === v.offeringId)?.name} {f.number(v.quantity)}
                  </StatusBadge>
                ))}
              </Group>
            )}
            <Group mt="md">
              <Button
                type="submit"
                leftSection={<IconCalculator size={16} aria-hidden />}
                loading={run.isPending}
              >
                {m('run')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setPrices({});
                  setVolumes([]);
                  run.reset();
                }}
              >
                {m('reset')}
              </Button>
            </Group>
          </form>
        </Section>
        {result && (
          <Section title={m('unitsCaption')} id="simulation-units">
            <Stack>
              <DataTable
                caption={m('unitsCaption')}
                colSpan={4}
                empty={result.units.length === 0}
                emptyText={m('none')}
                head={
                  <Table.Tr>
                    <Table.Th scope="col">{m('unit')}</Table.Th>
                    <Table.Th scope="col">{m('cost', { year: result.baseYear })}</Table.Th>
                    <Table.Th scope="col">{m('cost', { year: result.year })}</Table.Th>
                    <Table.Th scope="col">{m('change')}</Table.Th>
                  </Table.Tr>
                }
              >
                {result.units.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Th scope="row" fw={500}>
                      {u.name}
                    </Table.Th>
                    <Table.Td>{f.sek(u.baseCost)}</Table.Td>
                    <Table.Td>{f.sek(u.nextCost)}</Table.Td>
                    <Table.Td>{f.sek(u.nextCost - u.baseCost)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{m('total')}</Table.Th>
                  <Table.Td fw={600}>{f.sek(result.totals.baseCost)}</Table.Td>
                  <Table.Td fw={600}>{f.sek(result.totals.nextCost)}</Table.Td>
                  <Table.Td fw={600}>{f.sek(result.totals.nextCost - result.totals.baseCost)}</Table.Td>
                </Table.Tr>
              </DataTable>
              <BarChart
                title={m('chartTitle')}
                summary={m('chartSummary', { base: result.baseYear, next: result.year })}
                labels={result.units.map((u) => u.name)}
                series={[
                  {
                    label: String(result.baseYear),
                    color: BASE_COLOR,
                    values: result.units.map((u) => u.baseCost / 100),
                  },
                  {
                    label: String(result.year),
                    color: NEXT_COLOR,
                    values: result.units.map((u) => u.nextCost / 100),
                  },
                ]}
                tableLabel={m('chartTable')}
                periodLabel={m('unit')}
                valueLabel={m('chartValue')}
                format={(v) => f.number(Math.round(v))}
              />
            </Stack>
          </Section>
        )}
      </Stack>
    </>
  );
}
