import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run, RunDetail } from '../../../../shared/catalogue/runs.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { catalogueKeys, useCatalogueInvalidate } from '../api.ts';
import { RunStateBadge, thisMonth } from './parts.tsx';

// The chargeback runs ("Debitering"), newest month first: each month's state, total and number of
// lines; the keepers compute a month's preview (or compute it again) after confirming.

export const runKeys = {
  runs: [...catalogueKeys.all, 'runs'] as const,
  run: (id: string) => [...catalogueKeys.all, 'runs', 'one', id] as const,
  lines: (id: string) => [...catalogueKeys.all, 'runs', 'lines', id] as const,
  disputes: [...catalogueKeys.all, 'disputes'] as const,
  settings: [...catalogueKeys.all, 'run-settings'] as const,
  exportSettings: [...catalogueKeys.all, 'export-settings'] as const,
};

export function RunsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const list = useCursorList<Run>(runKeys.runs, '/api/v1/catalogue/runs', { limit: 24 });
  const canCompute =
    (list.data?.pages[0] as { can?: { compute: boolean } } | undefined)?.can?.compute ?? false;
  const [period, setPeriod] = useState(thisMonth());
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Group>
            <RouterButton variant="default" to="/catalogue/disputes">
              {m('disputesNav')}
            </RouterButton>
            <RouterButton variant="default" to="/catalogue/run-settings">
              {m('settingsNav')}
            </RouterButton>
          </Group>
        }
      />
      {canCompute && (
        <FilterBar label={m('computeLabel')}>
          <TextInput
            label={m('period')}
            description={m('periodHelp')}
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            w={200}
          />
          <Button onClick={() => setConfirming(true)} mt={24}>
            {m('compute')}
          </Button>
        </FilterBar>
      )}
      <CursorTable
        list={list}
        caption={m('caption')}
        colSpan={5}
        minWidth={700}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('period')}</Table.Th>
            <Table.Th scope="col">{m('state')}</Table.Th>
            <Table.Th scope="col">{m('total')}</Table.Th>
            <Table.Th scope="col">{m('lineCount')}</Table.Th>
            <Table.Th scope="col">{m('computedAt')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Th scope="row" fw={500}>
              <RouterAnchor to="/catalogue/runs/$runId" params={{ runId: r.id }}>
                {r.period}
              </RouterAnchor>
            </Table.Th>
            <Table.Td>
              <RunStateBadge state={r.state} />
            </Table.Td>
            <Table.Td>{f.sek(r.total)}</Table.Td>
            <Table.Td>{f.number(r.lineCount)}</Table.Td>
            <Table.Td>{r.computedAt ? f.dateTime(r.computedAt) : <EmptyValue />}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <ComputeDialog period={confirming ? period : null} onClose={() => setConfirming(false)} />
    </>
  );
}

/** Confirms computing a month's preview (again); used by the list and the run's page. */
export function ComputeDialog({ period, onClose }: { period: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const navigate = useNavigate();
  const compute = useMutation({
    mutationFn: (p: string) => api.post<RunDetail>('/api/v1/catalogue/runs', { period: p }),
    onSuccess: async (run) => {
      await invalidate();
      notifySuccess(m('computed', { period: run.period }));
      onClose();
      await navigate({ to: '/catalogue/runs/$runId', params: { runId: run.id } });
    },
  });
  const close = () => {
    compute.reset();
    onClose();
  };
  return (
    <Dialog opened={period !== null} onClose={close} title={m('computeTitle', { period: period ?? '' })}>
      <Text size="sm" mb="sm">
        {m('computeConfirm')}
      </Text>
      <ProblemAlert error={compute.error} />
      <DialogFooter
        onCancel={close}
        label={m('compute')}
        loading={compute.isPending}
        onConfirm={() => period && compute.mutate(period)}
      />
    </Dialog>
  );
}
