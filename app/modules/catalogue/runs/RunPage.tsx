import { Button, Group, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run, RunDetail, RunLine } from '../../../../shared/catalogue/runs.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, FormDialog } from '../../../platform/dialogs.tsx';
import { useEditBase } from '../../../platform/edit-base.ts';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { toOre, useCatalogueInvalidate } from '../api.ts';
import { FinanceExportMenu, FinanceExportNotice } from './FinanceExport.tsx';
import { RunStateBadge } from './parts.tsx';
import { ComputeDialog, runKeys } from './RunsPage.tsx';

// One month's run: its state and total, the totals per unit, and a unit's lines (its
// specification) with their kontering. The keepers compute the preview again or lock it, after
// confirming; on a locked month's line the unit's ekonom raises a dispute, and the keepers put a
// correction into a later, unlocked month.

export function RunPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const { runId } = useParams({ from: '/_app/catalogue/runs/$runId' });
  const search = useSearch({ from: '/_app/catalogue/runs/$runId' });
  const navigate = useNavigate();
  const run = useQuery({
    queryKey: runKeys.run(runId),
    queryFn: ({ signal }) => api.get<RunDetail>(`/api/v1/catalogue/runs/${runId}`, { signal }),
  });
  const [computing, setComputing] = useState(false);
  const [locking, setLocking] = useState(false);
  const r = run.data;
  const unit = r?.units.find((u) => u.unit.id === search.unitId);
  return (
    <>
      <PageHeader
        title={r ? m('runTitle', { period: r.period }) : m('title')}
        badges={r && <RunStateBadge state={r.state} />}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/runs' },
          { label: r?.period ?? '' },
        ]}
        actions={
          r && (
            <Group>
              <FinanceExportMenu run={r} />
              {r.can.compute && (
                <Button variant="default" onClick={() => setComputing(true)}>
                  {m('recompute')}
                </Button>
              )}
              {r.can.lock && <Button onClick={() => setLocking(true)}>{m('lock')}</Button>}
            </Group>
          )
        }
      />
      <ProblemAlert error={run.error} />
      {r && (
        <Stack>
          <FinanceExportNotice run={r} />
          <Section title={m('details')} id="run-details">
            <DetailList
              items={[
                { label: m('total'), value: f.sek(r.total) },
                { label: m('lineCount'), value: f.number(r.lineCount) },
                {
                  label: m('proration'),
                  value: r.proration ? m(`prorations.${r.proration}`) : <EmptyValue />,
                },
                { label: m('computedAt'), value: r.computedAt ? f.dateTime(r.computedAt) : <EmptyValue /> },
                {
                  label: m('lockedAt'),
                  value: r.lockedAt ? `${f.dateTime(r.lockedAt)} ${r.lockedBy ?? ''}` : <EmptyValue />,
                },
              ]}
            />
          </Section>
          <Section title={m('perUnit')} id="run-units">
            <DataTable
              caption={m('perUnitCaption')}
              colSpan={4}
              minWidth={600}
              empty={r.units.length === 0}
              emptyText={m('noLines')}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{m('unit')}</Table.Th>
                  <Table.Th scope="col">{m('lineCount')}</Table.Th>
                  <Table.Th scope="col">{m('total')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              }
            >
              {r.units.map((u) => (
                <Table.Tr key={u.unit.id}>
                  <Table.Th scope="row" fw={500}>
                    {u.unit.name}
                  </Table.Th>
                  <Table.Td>{f.number(u.lineCount)}</Table.Td>
                  <Table.Td>{f.sek(u.total)}</Table.Td>
                  <Table.Td>
                    {u.readLines ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${m('showLines')}: ${u.unit.name}`}
                          onClick={() =>
                            navigate({
                              to: '/catalogue/runs/$runId',
                              params: { runId },
                              search: { unitId: u.unit.id },
                            })
                          }
                        >
                          {m('showLines')}
                        </Button>
                        <RouterButton
                          size="xs"
                          variant="default"
                          aria-label={`${m('specification')}: ${u.unit.name}`}
                          to="/catalogue/runs/$runId/specification"
                          params={{ runId }}
                          search={{ unitId: u.unit.id }}
                        >
                          {m('specification')}
                        </RouterButton>
                      </Group>
                    ) : (
                      <EmptyValue />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
          {unit && <UnitLines run={r} unitId={unit.unit.id} unitName={unit.unit.name} />}
        </Stack>
      )}
      <ComputeDialog period={computing && r ? r.period : null} onClose={() => setComputing(false)} />
      <LockDialog run={locking ? (r ?? null) : null} onClose={() => setLocking(false)} />
    </>
  );
}

function LockDialog({ run, onClose }: { run: Run | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const { base } = useEditBase(run !== null, run);
  const lock = useMutation({
    mutationFn: (r: Run) => api.post(`/api/v1/catalogue/runs/${r.id}/lock`, { version: r.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('locked'));
      onClose();
    },
  });
  const close = () => {
    lock.reset();
    onClose();
  };
  return (
    <Dialog opened={run !== null} onClose={close} title={m('lockTitle', { period: base?.period ?? '' })}>
      <Text size="sm" mb="sm">
        {m('lockConfirm', { total: base ? f.sek(base.total) : '', lines: base?.lineCount ?? 0 })}
      </Text>
      <ProblemAlert error={lock.error} />
      <DialogFooter
        onCancel={close}
        label={m('lock')}
        loading={lock.isPending}
        onConfirm={() => base && lock.mutate(base)}
      />
    </Dialog>
  );
}

function UnitLines({ run, unitId, unitName }: { run: Run; unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const list = useCursorList<RunLine>(runKeys.lines(run.id), `/api/v1/catalogue/runs/${run.id}/lines`, {
    unitId,
    limit: 100,
  });
  const [disputing, setDisputing] = useState<RunLine | null>(null);
  const [correcting, setCorrecting] = useState<RunLine | null>(null);
  return (
    <Section title={m('linesOf', { unit: unitName })} id="run-lines">
      <CursorTable
        bordered={false}
        list={list}
        caption={m('linesCaption', { unit: unitName })}
        colSpan={7}
        minWidth={1000}
        emptyText={m('noLines')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('lineDescription')}</Table.Th>
            <Table.Th scope="col">{m('source')}</Table.Th>
            <Table.Th scope="col">{m('quantity')}</Table.Th>
            <Table.Th scope="col">{m('days')}</Table.Th>
            <Table.Th scope="col">{m('amount')}</Table.Th>
            <Table.Th scope="col">{m('kontering')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Th scope="row" fw={500}>
              {l.description}
            </Table.Th>
            <Table.Td>{m(`sources.${l.source}`)}</Table.Td>
            <Table.Td>
              {f.number(Number(l.quantity))} × {f.sek(l.unitPrice)}
            </Table.Td>
            <Table.Td>
              {l.billedDays !== null && l.daysInMonth !== null ? (
                `${l.billedDays}/${l.daysInMonth}`
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>{f.sek(l.amount)}</Table.Td>
            <Table.Td>
              {[l.kontering.costCentre, l.kontering.account, l.kontering.activity, l.kontering.counterpart]
                .map((k) => k ?? '–')
                .join(' · ')}
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                {l.can.dispute && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setDisputing(l)}
                    aria-label={`${m('dispute')}: ${l.description}`}
                  >
                    {m('dispute')}
                  </Button>
                )}
                {l.can.correct && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setCorrecting(l)}
                    aria-label={`${m('correct')}: ${l.description}`}
                  >
                    {m('correct')}
                  </Button>
                )}
                {l.disputeId && <Text size="xs">{m('disputed')}</Text>}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <DisputeDialog line={disputing} onClose={() => setDisputing(null)} />
      <CorrectionDialog line={correcting} onClose={() => setCorrecting(null)} />
    </Section>
  );
}

function DisputeDialog({ line, onClose }: { line: RunLine | null; onClose: () => void }) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (l: RunLine) => api.post(`/api/v1/catalogue/run-lines/${l.id}/disputes`, { reason }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('disputeRaised'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  const close = () => {
    save.reset();
    setReason('');
    onClose();
  };
  return (
    <FormDialog
      opened={line !== null}
      onClose={close}
      title={m('disputeTitle', { line: line?.description ?? '' })}
      help={m('disputeHelp')}
      error={save.error}
      fields={['reason']}
      submitLabel={m('dispute')}
      loading={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        if (line) save.mutate(line);
      }}
    >
      <Textarea
        label={m('reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        required
        autosize
        minRows={3}
      />
    </FormDialog>
  );
}

function CorrectionDialog({ line, onClose }: { line: RunLine | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const previews = useQuery({
    queryKey: [...runKeys.runs, 'previews'],
    queryFn: ({ signal }) => api.get<{ items: Run[] }>('/api/v1/catalogue/runs?limit=200', { signal }),
    enabled: line !== null,
  });
  const targets = (previews.data?.items ?? []).filter(
    (r) => r.state === 'preview' && line && r.period > line.period,
  );
  const [target, setTarget] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (l: RunLine) =>
      api.post(`/api/v1/catalogue/runs/${target ?? targets[0]?.id}/corrections`, {
        lineId: l.id,
        amount: toOre(amount) ?? -1,
        reason,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('corrected'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  const close = () => {
    save.reset();
    setAmount('');
    setReason('');
    setTarget(null);
    onClose();
  };
  return (
    <FormDialog
      opened={line !== null}
      onClose={close}
      title={m('correctTitle', { line: line?.description ?? '' })}
      help={m('correctHelp', { amount: line ? f.sek(line.amount) : '' })}
      error={save.error}
      fields={['amount', 'reason']}
      submitLabel={m('correct')}
      loading={save.isPending}
      disabled={targets.length === 0}
      onSubmit={(e) => {
        e.preventDefault();
        if (line) save.mutate(line);
      }}
    >
      {targets.length === 0 && !previews.isPending && <Text size="sm">{m('noPreview')}</Text>}
      <Select
        label={m('correctInto')}
        data={targets.map((r) => ({ value: r.id, label: r.period }))}
        value={target ?? targets[0]?.id ?? null}
        onChange={setTarget}
        allowDeselect={false}
      />
      <NumberInput
        label={m('rightAmount')}
        value={amount}
        onChange={setAmount}
        decimalSeparator=","
        thousandSeparator=" "
        decimalScale={2}
        min={0}
        error={errors.amount}
        required
      />
      <Textarea
        label={m('reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        required
        autosize
        minRows={2}
      />
    </FormDialog>
  );
}
