import { Button, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BillingMode,
  billingModes,
  type UnitBillingList,
} from '../../../../shared/catalogue/billing.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { catalogueKeys, useCatalogueInvalidate, useUnitBilling } from '../api.ts';

// Each unit's catalogue mode today (quality steering or billing), since when, and the next
// planned switch (seed 002), a unit without a switch of its own following the nearest unit above
// it that has one; the keepers switch a unit from a date and withdraw a planned switch,
// and the history of every switch stays.

type Row = UnitBillingList['items'][number];

export function ModeBadge({ mode }: { mode: BillingMode }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={mode === 'billing' ? 'info' : 'neutral'}>
      {t(`catalogue.billing.modes.${mode}`)}
    </StatusBadge>
  );
}

export function BillingPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.billing.${key}`, o);
  const list = useCursorList<Row>(catalogueKeys.billing, '/api/v1/catalogue/billing-units', { limit: 100 });
  const [unit, setUnit] = useState<Row['unit'] | null>(null);
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
      />
      <CursorTable
        list={list}
        caption={m('caption')}
        colSpan={5}
        minWidth={800}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('unit')}</Table.Th>
            <Table.Th scope="col">{m('mode')}</Table.Th>
            <Table.Th scope="col">{m('since')}</Table.Th>
            <Table.Th scope="col">{m('next')}</Table.Th>
            <Table.Th scope="col">{m('history')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((u) => (
          <Table.Tr key={u.unit.id}>
            <Table.Th scope="row" fw={500}>
              {u.unit.name}
            </Table.Th>
            <Table.Td>
              <ModeBadge mode={u.mode} />
              {u.inheritedFrom && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {m('inheritedFrom', { name: u.inheritedFrom.name })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{u.since ? f.date(u.since) : <EmptyValue />}</Table.Td>
            <Table.Td>
              {u.nextSwitch ? (
                m('nextSwitch', { mode: m(`modes.${u.nextSwitch.mode}`), date: f.date(u.nextSwitch.fromOn) })
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                onClick={() => setUnit(u.unit)}
                aria-label={`${m('history')}: ${u.unit.name}`}
              >
                {m('history')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <SwitchDialog unit={unit} onClose={() => setUnit(null)} />
    </>
  );
}

function SwitchDialog({ unit, onClose }: { unit: Row['unit'] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.billing.${key}`, o);
  const billing = useUnitBilling(unit?.id ?? null);
  const invalidate = useCatalogueInvalidate();
  const [mode, setMode] = useState<BillingMode>('billing');
  const [fromOn, setFromOn] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post('/api/v1/catalogue/billing-switches', { unitId: unit!.id, mode, fromOn, note: note || null }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      setNote('');
      setFromOn(undefined);
      save.reset();
    },
  });
  const withdraw = useMutation({
    mutationFn: (s: { id: string; version: number }) =>
      api.post(`/api/v1/catalogue/billing-switches/${s.id}/archive`, { version: s.version }),
    onSuccess: () => invalidate(),
  });
  const errors = useFieldErrors(save.error);
  const close = () => {
    save.reset();
    withdraw.reset();
    onClose();
  };
  const b = billing.data;
  return (
    <Dialog
      opened={unit !== null}
      onClose={close}
      title={m('switchTitle', { name: unit?.name ?? '' })}
      size="lg"
    >
      <Stack>
        <ProblemAlert error={withdraw.error} />
        {b && (
          <Text size="sm">
            {b.inheritedFrom
              ? m('todayInherited', { mode: m(`modes.${b.mode}`), name: b.inheritedFrom.name })
              : m('today', { mode: m(`modes.${b.mode}`) })}
          </Text>
        )}
        {b && (
          <DataTable
            caption={m('historyCaption')}
            showCaption
            colSpan={4}
            empty={b.history.length === 0}
            emptyText={m('noHistory')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{m('fromOn')}</Table.Th>
                <Table.Th scope="col">{m('mode')}</Table.Th>
                <Table.Th scope="col">{m('note')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            }
          >
            {b.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{f.date(h.fromOn)}</Table.Td>
                <Table.Td>
                  <ModeBadge mode={h.mode} />
                  {h.archivedAt && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {m('withdrawn')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{h.note ?? <EmptyValue />}</Table.Td>
                <Table.Td>
                  {h.can.archive ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => withdraw.mutate(h)}
                      loading={withdraw.isPending}
                    >
                      {m('withdraw')}
                    </Button>
                  ) : (
                    <EmptyValue />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {b?.can.switch && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack>
              <ProblemAlert error={save.error} fields={['mode', 'fromOn', 'note']} />
              <Select
                label={m('mode')}
                data={billingModes.map((x) => ({ value: x, label: m(`modes.${x}`) }))}
                value={mode}
                onChange={(v) => setMode((v as BillingMode | null) ?? 'billing')}
                allowDeselect={false}
                error={errors.mode}
              />
              <DateField
                label={m('fromOn')}
                value={fromOn}
                onChange={setFromOn}
                error={errors.fromOn}
                required
              />
              <TextInput
                label={m('note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
              />
              <DialogFooter onCancel={close} label={m('switch')} loading={save.isPending} />
            </Stack>
          </form>
        )}
      </Stack>
    </Dialog>
  );
}
