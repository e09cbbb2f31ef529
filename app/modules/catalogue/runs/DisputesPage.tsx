import { Button, NumberInput, Select, Table, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dispute, type DisputeState, disputeStates } from '../../../../shared/catalogue/runs.ts';
import { api } from '../../../platform/api.ts';
import { FormDialog } from '../../../platform/dialogs.tsx';
import { useEditBase } from '../../../platform/edit-base.ts';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { toOre, useCatalogueInvalidate } from '../api.ts';
import { DisputeStateBadge } from './parts.tsx';
import { runKeys } from './RunsPage.tsx';

// The units' disputes of lines in locked months: the reason, who raised it, and its resolution;
// the keepers accept one (credited in the first later month not locked, the whole line or a part)
// or reject it, with a note.

export function DisputesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const search = useSearch({ from: '/_app/catalogue/disputes' });
  const navigate = useNavigate();
  const list = useCursorList<Dispute>(runKeys.disputes, '/api/v1/catalogue/disputes', {
    state: search.state,
    limit: 50,
  });
  const [resolving, setResolving] = useState<Dispute | null>(null);
  return (
    <>
      <PageHeader
        title={m('disputesTitle')}
        description={m('disputesDescription')}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/runs' },
          { label: m('disputesTitle') },
        ]}
      />
      <FilterBar label={m('filters')}>
        <Select
          label={m('state')}
          data={disputeStates.map((s) => ({ value: s, label: m(`disputeStates.${s}`) }))}
          value={search.state ?? null}
          onChange={(v) =>
            navigate({
              to: '/catalogue/disputes',
              search: { state: (v as DisputeState | null) ?? undefined },
            })
          }
          clearable
          w={220}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={m('disputesCaption')}
        colSpan={8}
        minWidth={1100}
        emptyText={m('noDisputes')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('period')}</Table.Th>
            <Table.Th scope="col">{m('unit')}</Table.Th>
            <Table.Th scope="col">{m('lineDescription')}</Table.Th>
            <Table.Th scope="col">{m('amount')}</Table.Th>
            <Table.Th scope="col">{m('reason')}</Table.Th>
            <Table.Th scope="col">{m('state')}</Table.Th>
            <Table.Th scope="col">{m('credited')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.period}</Table.Td>
            <Table.Td>{d.unit.name}</Table.Td>
            <Table.Th scope="row" fw={500}>
              {d.description}
            </Table.Th>
            <Table.Td>{f.sek(d.amount)}</Table.Td>
            <Table.Td>
              {d.reason}
              {d.raisedBy ? ` (${d.raisedBy})` : ''}
            </Table.Td>
            <Table.Td>
              <DisputeStateBadge state={d.state} />
              {d.resolutionNote ? ` ${d.resolutionNote}` : ''}
            </Table.Td>
            <Table.Td>
              {d.creditedAmount !== null && d.creditedInPeriod ? (
                `${f.sek(d.creditedAmount)} · ${d.creditedInPeriod}`
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              {d.can.resolve ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setResolving(d)}
                  aria-label={`${m('resolve')}: ${d.description}, ${d.unit.name}`}
                >
                  {m('resolve')}
                </Button>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <ResolveDialog dispute={resolving} onClose={() => setResolving(null)} />
    </>
  );
}

function ResolveDialog({ dispute, onClose }: { dispute: Dispute | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const { base } = useEditBase(dispute !== null, dispute);
  const [decision, setDecision] = useState<'accepted' | 'rejected'>('accepted');
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: (d: Dispute) =>
      api.post(`/api/v1/catalogue/disputes/${d.id}/resolve`, {
        version: d.version,
        decision,
        note,
        amount: decision === 'accepted' ? toOre(amount) : null,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('resolved'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  const close = () => {
    save.reset();
    setDecision('accepted');
    setAmount('');
    setNote('');
    onClose();
  };
  return (
    <FormDialog
      opened={dispute !== null}
      onClose={close}
      title={m('resolveTitle', { line: base?.description ?? '' })}
      help={m('resolveHelp', { amount: base ? f.sek(base.amount) : '' })}
      error={save.error}
      fields={['decision', 'note', 'amount']}
      submitLabel={m('resolve')}
      loading={save.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        if (base) save.mutate(base);
      }}
    >
      <Select
        label={m('decision')}
        data={(['accepted', 'rejected'] as const).map((d) => ({ value: d, label: m(`decisions.${d}`) }))}
        value={decision}
        onChange={(v) => setDecision((v as 'accepted' | 'rejected' | null) ?? 'accepted')}
        allowDeselect={false}
        error={errors.decision}
      />
      {decision === 'accepted' && (
        <NumberInput
          label={m('creditPart')}
          description={m('creditPartHelp')}
          value={amount}
          onChange={setAmount}
          decimalSeparator=","
          thousandSeparator=" "
          decimalScale={2}
          min={0}
          error={errors.amount}
        />
      )}
      <Textarea
        label={m('note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        required
        autosize
        minRows={2}
      />
    </FormDialog>
  );
}
