import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Licence, LicenceSort } from '../../../../shared/registry/contracts.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { SortHeader } from '../systems/parts.tsx';
import { contractKeys, useSystemCosts } from './api.ts';
import { CostsFormModal } from './CostsForm.tsx';
import { ContractTable } from './parts.tsx';

// The sections this part adds to a system's page: its contracts and licences, and its costs of a
// year with each unit's share. Commercial records: shown to staff only, as the API serves them.

export function SystemContractsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const can = useRegistryCan();
  if (!can.data?.readCommercial) return null;
  return (
    <Section id="system-contracts" title={t('registry.contracts.systemContracts.title')}>
      <Stack gap="lg">
        <ContractTable
          bordered={false}
          params={{ systemId: system.id }}
          caption={t('registry.contracts.systemContracts.caption')}
          emptyText={t('registry.contracts.systemContracts.none')}
        />
        <LicenceTable systemId={system.id} />
      </Stack>
    </Section>
  );
}

/** A system's licences, sortable by their headers (the sort is the page's own, not in the URL). */
function LicenceTable({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [sorting, setSorting] = useState<{ sort: LicenceSort; order: 'asc' | 'desc' }>({
    sort: 'validTo',
    order: 'asc',
  });
  const list = useCursorList<Licence>(contractKeys.licences, '/api/v1/licences', {
    systemId,
    ...sorting,
    limit: 50,
  });
  const m = (key: string, options?: Record<string, unknown>) =>
    t(`registry.contracts.licences.${key}`, options);
  const header = (column: LicenceSort, label: string) => (
    <SortHeader
      column={column}
      label={label}
      {...sorting}
      onSort={(sort, order) => setSorting({ sort, order })}
    />
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {m('title')}
      </Title>
      {!list.isPending && !list.error && list.items.length === 0 ? (
        // No empty table in the page's column: its headers would overflow into a scroll region a
        // keyboard cannot reach (axe: scrollable-region-focusable).
        <Text size="sm" c="dimmed">
          {m('none')}
        </Text>
      ) : (
        <CursorTable
          bordered={false}
          list={list}
          caption={m('caption')}
          colSpan={5}
          minWidth={640}
          emptyText={m('none')}
          head={
            <Table.Tr>
              {header('type', m('type'))}
              {header('count', m('count'))}
              <Table.Th scope="col">{m('used')}</Table.Th>
              <Table.Th scope="col">{m('cost')}</Table.Th>
              {header('validTo', m('validTo'))}
            </Table.Tr>
          }
        >
          {list.items.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                {m(`kind.${l.type}`)}
                {l.contractId && (
                  <Text size="xs" c="dimmed">
                    <RouterAnchor to="/contracts/$contractId" params={{ contractId: l.contractId }} size="xs">
                      {l.contractTitle}
                    </RouterAnchor>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{f.number(l.count)}</Table.Td>
              <Table.Td>{l.used !== null ? f.number(l.used) : <EmptyValue />}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {l.cost !== null && l.period ? (
                  m(l.period === 'month' ? 'perMonth' : 'perYear', { amount: f.sek(l.cost) })
                ) : (
                  <EmptyValue />
                )}
              </Table.Td>
              <Table.Td>{l.validTo ? f.date(l.validTo) : <EmptyValue />}</Table.Td>
            </Table.Tr>
          ))}
        </CursorTable>
      )}
    </Stack>
  );
}

export function SystemCostsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useRegistryCan();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const allowed = !!can.data?.readCommercial;
  const costs = useSystemCosts(system.id, year, allowed);
  if (!allowed) return null;
  const m = (key: string, options?: Record<string, unknown>) => t(`registry.contracts.costs.${key}`, options);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  const data = costs.data;

  return (
    <Section
      id="system-costs"
      title={m('title')}
      actions={
        <Group gap="xs" align="flex-end">
          <Select
            label={m('year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
            size="xs"
          />
          {data?.can.update && !system.archivedAt && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {m('edit')}
            </Button>
          )}
        </Group>
      }
    >
      {costs.error ? (
        <ProblemAlert error={costs.error} />
      ) : (
        <Stack gap="md">
          {data && data.lines.length === 0 ? (
            // No empty table in the narrow side column: its headers would overflow into a scroll
            // region a keyboard cannot reach (axe: scrollable-region-focusable).
            <Text size="sm" c="dimmed">
              {m('none', { year })}
            </Text>
          ) : (
            <DataTable
              caption={m('caption', { year })}
              colSpan={3}
              loading={costs.isPending}
              empty={!!data && data.lines.length === 0}
              emptyText={m('none', { year })}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{m('category')}</Table.Th>
                  <Table.Th scope="col">{m('note')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {m('amount')}
                  </Table.Th>
                </Table.Tr>
              }
            >
              {data?.lines.map((line, i) => (
                // Lines have no id of their own on the wire; their order is stable (category, id).
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={i}>
                  <Table.Td>{m(`categories.${line.category}`)}</Table.Td>
                  <Table.Td>{line.note ?? <EmptyValue />}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {f.sek(line.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && data.lines.length > 0 && (
                <Table.Tr>
                  <Table.Th scope="row" colSpan={2}>
                    {m('total')}
                  </Table.Th>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap', fontWeight: 600 }}>
                    {f.sek(data.total)}
                  </Table.Td>
                </Table.Tr>
              )}
            </DataTable>
          )}
          {data && data.lines.length > 0 && (
            <>
              <Text size="sm" c="dimmed">
                {m(`basis.${data.basis}`)}
              </Text>
              {data.shares.length > 0 && (
                <DataTable
                  caption={m('sharesCaption', { year })}
                  colSpan={3}
                  head={
                    <Table.Tr>
                      <Table.Th scope="col">{m('unit')}</Table.Th>
                      <Table.Th scope="col">{m('share')}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: 'right' }}>
                        {m('amount')}
                      </Table.Th>
                    </Table.Tr>
                  }
                >
                  {data.shares.map((share) => (
                    <Table.Tr key={share.unitId}>
                      <Table.Td>
                        <UnitLink id={share.unitId} />
                      </Table.Td>
                      <Table.Td>
                        {share.percent !== null
                          ? `${f.number(share.percent)} %`
                          : share.users !== null
                            ? m('users', { count: share.users })
                            : null}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {f.sek(share.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </>
          )}
        </Stack>
      )}
      {data?.can.update && <CostsFormModal opened={editing} onClose={() => setEditing(false)} costs={data} />}
    </Section>
  );
}
