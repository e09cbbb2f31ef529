import { Group, NumberInput, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Load } from '../../../../shared/portfolio/views.ts';
import { api, query } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { FilterBar } from '../../../platform/list-page.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';

// Load on key roles (GET /api/v1/portfolio/load): each project manager and procurement lead, month
// by month, with the projects and procurements they carry and the effort points against their
// capacity (each person's own from the portfolio settings, or one figure the reader tries for
// everyone); an overloaded month is bold and says so in words, not only in colour.

export function LoadPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.load.${key}`, o);
  const [from, setFrom] = useState<string | undefined>();
  const [months, setMonths] = useState<number>(6);
  const [capacity, setCapacity] = useState<number | undefined>();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [params] = useDebouncedValue({ from, months, capacity, unitId: unitId ?? undefined }, 250);
  const load = useQuery({
    queryKey: ['portfolio', 'views', 'load', params],
    queryFn: ({ signal }) => api.get<Load>(`/api/v1/portfolio/load${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const data = load.data;
  const monthLabel = (month: string) => f.date(`${month}-01`).slice(0, 7);
  const overloaded = data?.people.filter((p) => p.overloaded).length ?? 0;
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
      />
      <FilterBar label={t('portfolio.views.filters')}>
        <DateField label={t('portfolio.views.from')} value={from} onChange={setFrom} w={170} />
        <NumberInput
          label={m('months')}
          value={months}
          onChange={(v) => setMonths(Math.min(24, Math.max(1, Number(v) || 1)))}
          min={1}
          max={24}
          w={150}
        />
        <NumberInput
          label={m('capacity')}
          description={m('capacityHelp')}
          value={capacity ?? ''}
          onChange={(v) => setCapacity(v === '' ? undefined : Math.min(1000, Math.max(1, Number(v) || 1)))}
          min={1}
          max={1000}
          w={300}
        />
        <UnitSelect
          label={t('portfolio.views.unit')}
          placeholder={t('portfolio.views.anyUnit')}
          value={unitId}
          onChange={setUnitId}
          w={240}
        />
      </FilterBar>
      <Text size="sm" mb="md">
        {m('explain')}{' '}
        <RouterAnchor to="/portfolio/settings" size="sm" underline="always">
          {m('settingsLink')}
        </RouterAnchor>
      </Text>
      {data && (
        <Section id="load-table" title={m('tableSection')}>
          <Stack gap="sm">
            <Text size="sm" role="status">
              {m('overloadedCount', { count: overloaded, total: data.people.length })}
            </Text>
            <Table.ScrollContainer
              minWidth={400 + data.months.length * 130}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={m('table')}
            >
              <Table striped verticalSpacing={6} fz="sm">
                <Table.Caption>
                  <VisuallyHidden>{m('table')}</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m('person')}</Table.Th>
                    <Table.Th scope="col">{m('roles')}</Table.Th>
                    {data.months.map((month) => (
                      <Table.Th key={month} scope="col" ta="right">
                        {monthLabel(month)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      {m('peak')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.people.map((p) => (
                    <Table.Tr key={p.person.id}>
                      <Table.Th scope="row" fw={400}>
                        <RouterAnchor to="/people/$personId" params={{ personId: p.person.id }} size="sm">
                          {p.person.name}
                        </RouterAnchor>
                      </Table.Th>
                      <Table.Td>{p.roles.map((r) => m(`role.${r}`)).join(', ')}</Table.Td>
                      {p.months.map((x) => (
                        <Table.Td key={x.month} ta="right" fw={x.overloaded ? 700 : undefined}>
                          {m('cell', {
                            points: x.points,
                            projects: x.projects,
                            procurements: x.procurements,
                          })}
                          {x.overloaded ? (
                            <>
                              {' '}
                              <StatusBadge tone="negative">{m('overloaded')}</StatusBadge>
                            </>
                          ) : null}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Text size="sm" fw={p.overloaded ? 700 : undefined}>
                            {f.number(p.peak)} / {f.number(p.capacity)}
                          </Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {data.people.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={data.months.length + 3}>{m('none')}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Section>
      )}
    </>
  );
}
