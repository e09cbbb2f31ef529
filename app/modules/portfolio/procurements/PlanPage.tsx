import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procedures } from '../../../../shared/portfolio/procurements.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { FilterBar } from '../../../platform/list-page.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useProcurementPlan, useProcurementSettings } from './api.ts';
import { PlanStateBadge, ProcurementStatusBadge } from './parts.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import type { PlanSearch } from './search.ts';

// The re-procurement plan: each register contract ending in the period, by the latest day its
// next procurement can start (the end date minus the lead time of its procedure), with where it
// stands in words. The period lives in the URL; the tenant's lead times and the direktupphandling
// limit are shown below, and changed there by those who may.

export function PlanPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/portfolio/procurements/plan' });
  const navigate = useNavigate({ from: '/portfolio/procurements/plan' });
  const update = (patch: Partial<PlanSearch>) =>
    void navigate({ search: (prev: PlanSearch) => ({ ...prev, ...patch }), replace: true });
  const plan = useProcurementPlan(search.from, search.to);
  const settings = useProcurementSettings();
  const [editing, setEditing] = useState(false);
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.procurements.${key}`, o);
  const items = plan.data?.items ?? [];
  const counts = Object.fromEntries(
    (['late', 'startSoon', 'underWay', 'ok'] as const).map((s) => [
      s,
      items.filter((i) => i.state === s).length,
    ]),
  );
  return (
    <>
      <PageHeader
        title={m('plan.title')}
        description={m('plan.description')}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: m('title'), to: '/portfolio/procurements' },
          { label: m('plan.title') },
        ]}
      />
      <FilterBar label={m('plan.filters')}>
        <DateField label={m('plan.from')} value={search.from} onChange={(v) => update({ from: v })} />
        <DateField label={m('plan.to')} value={search.to} onChange={(v) => update({ to: v })} />
      </FilterBar>
      <Stack gap="md">
        {plan.data && (
          <Text size="sm" aria-live="polite">
            {m('plan.summary', {
              from: f.date(plan.data.from),
              to: f.date(plan.data.to),
              late: counts.late,
              startSoon: counts.startSoon,
              underWay: counts.underWay,
              ok: counts.ok,
            })}
          </Text>
        )}
        <Paper withBorder>
          <DataTable
            caption={m('plan.caption')}
            colSpan={7}
            minWidth={1000}
            loading={plan.isPending}
            error={plan.error}
            empty={items.length === 0}
            emptyText={m('plan.none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{m('plan.latestStart')}</Table.Th>
                <Table.Th scope="col">{m('plan.state')}</Table.Th>
                <Table.Th scope="col">{m('plan.contract')}</Table.Th>
                <Table.Th scope="col">{m('plan.endsOn')}</Table.Th>
                <Table.Th scope="col">{m('plan.notice')}</Table.Th>
                <Table.Th scope="col">{m('plan.procedure')}</Table.Th>
                <Table.Th scope="col">{m('plan.procurement')}</Table.Th>
              </Table.Tr>
            }
          >
            {items.map((i) => (
              <Table.Tr key={i.contract.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(i.latestStartOn)}</Table.Td>
                <Table.Td>
                  <PlanStateBadge state={i.state} />
                </Table.Td>
                <Table.Td>
                  <RouterAnchor
                    to="/contracts/$contractId"
                    params={{ contractId: i.contract.id }}
                    size="sm"
                    fw={500}
                  >
                    {i.contract.name}
                  </RouterAnchor>
                  <Text size="xs" c="dimmed">
                    {i.supplierName}
                    {i.owner ? ` · ${i.owner.name}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(i.endsOn)}</Table.Td>
                <Table.Td>
                  {i.noticeDeadline ? (
                    <>
                      {f.date(i.noticeDeadline)}
                      <Text size="xs" c="dimmed">
                        {m('plan.noticeMonths', { count: i.noticeMonths ?? 0 })}
                      </Text>
                    </>
                  ) : (
                    <EmptyValue />
                  )}
                </Table.Td>
                <Table.Td>
                  {m(`procedure.${i.procedure}`)}
                  <Text size="xs" c="dimmed">
                    {m('plan.leadMonths', { count: i.leadMonths })} · {m(`plan.from_${i.procedureFrom}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {i.procurement ? (
                    <Stack gap={2} align="flex-start">
                      <RouterAnchor
                        to="/portfolio/procurements/$procurementId"
                        params={{ procurementId: i.procurement.id }}
                        size="sm"
                      >
                        {i.procurement.name}
                      </RouterAnchor>
                      <ProcurementStatusBadge status={i.procurement.status} />
                    </Stack>
                  ) : (
                    <EmptyValue />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
        {settings.data && (
          <Section
            id="procurement-settings"
            title={m('settings.title')}
            description={m('settings.description')}
            actions={
              settings.data.can.update && (
                <Button
                  variant="default"
                  leftSection={<IconSettings size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {m('settings.edit')}
                </Button>
              )
            }
          >
            <DetailList
              items={[
                { label: m('settings.directLimit'), value: f.sek(settings.data.directLimit) },
                ...procedures.map((p) => ({
                  label: m('settings.leadFor', { procedure: m(`procedure.${p}`) }),
                  value: m('plan.leadMonths', { count: settings.data.leadMonths[p] }),
                })),
                {
                  label: m('settings.warnDays'),
                  value: m('settings.days', { count: settings.data.warnDays }),
                },
              ]}
            />
          </Section>
        )}
      </Stack>
      {settings.data?.can.update && (
        <SettingsDialog opened={editing} onClose={() => setEditing(false)} settings={settings.data} />
      )}
    </>
  );
}
