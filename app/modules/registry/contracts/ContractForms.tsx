import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory.ts';
import {
  type Contract,
  contractCreate,
  type DpaStatus,
  dpaStatuses,
} from '../../../../shared/registry/contracts.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { usePerson } from '../../../platform/directory/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { systemKeys } from '../systems/api.ts';
import { RemoteMultiSelect, RemoteSelect } from './pickers.tsx';

// Registering and changing a contract: supplier, term and notice, extensions, value (typed in
// kronor, sent in öre), owner, systems, the DPA and the reminder days. The notice deadline is
// derived by the server; edits carry their version.

interface ContractValues {
  title: string;
  supplierId: string | null;
  contractNumber: string;
  startsOn: string | undefined;
  endsOn: string | undefined;
  noticeMonths: number | string;
  extensionCount: number | string;
  extensionMonths: number | string;
  extendableUntil: string | undefined;
  extensionTerms: string;
  annualValueKr: number | string;
  procurementReference: string;
  ownerId: string | null;
  systemIds: string[];
  dpaStatus: DpaStatus;
  dpaSignedOn: string | undefined;
  dpaReference: string;
  noticeReminderDays: number | string;
  endReminderDays: number | string;
  notes: string;
}

const int = (v: number | string) => (v === '' || v === null ? null : Number(v));

function valuesOf(c: Contract | null, supplierId: string | null): ContractValues {
  return {
    title: c?.title ?? '',
    supplierId: c?.supplierId ?? supplierId,
    contractNumber: c?.contractNumber ?? '',
    startsOn: c?.startsOn,
    endsOn: c?.endsOn ?? undefined,
    noticeMonths: c?.noticeMonths ?? '',
    extensionCount: c?.extensionCount ?? '',
    extensionMonths: c?.extensionMonths ?? '',
    extendableUntil: c?.extendableUntil ?? undefined,
    extensionTerms: c?.extensionTerms ?? '',
    annualValueKr: c?.annualValue !== null && c?.annualValue !== undefined ? c.annualValue / 100 : '',
    procurementReference: c?.procurementReference ?? '',
    ownerId: c?.ownerId ?? null,
    systemIds: c?.systemIds ?? [],
    dpaStatus: c?.dpaStatus ?? 'none',
    dpaSignedOn: c?.dpaSignedOn ?? undefined,
    dpaReference: c?.dpaReference ?? '',
    noticeReminderDays: c?.noticeReminderDays ?? 90,
    endReminderDays: c?.endReminderDays ?? 60,
    notes: c?.notes ?? '',
  };
}

function payloadOf(v: ContractValues) {
  const kr = int(v.annualValueKr);
  return {
    title: v.title.trim(),
    supplierId: v.supplierId ?? '',
    contractNumber: orNull(v.contractNumber),
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn ?? null,
    noticeMonths: int(v.noticeMonths),
    extensionCount: int(v.extensionCount),
    extensionMonths: int(v.extensionMonths),
    extendableUntil: v.extendableUntil ?? null,
    extensionTerms: orNull(v.extensionTerms),
    annualValue: kr === null ? null : Math.round(kr * 100),
    procurementReference: orNull(v.procurementReference),
    ownerId: v.ownerId,
    systemIds: v.systemIds,
    dpaStatus: v.dpaStatus,
    dpaSignedOn: v.dpaStatus === 'signed' ? (v.dpaSignedOn ?? null) : null,
    dpaReference: orNull(v.dpaReference),
    noticeReminderDays: int(v.noticeReminderDays) ?? 90,
    endReminderDays: int(v.endReminderDays) ?? 60,
    notes: orNull(v.notes),
  };
}

export function useContractInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registry', 'contracts'] });
}

export function ContractFormModal({
  opened,
  onClose,
  contract,
  supplierId = null,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  contract: Contract | null;
  /** Supplier preselected when creating from a supplier's page. */
  supplierId?: string | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useContractInvalidate();
  // Names of what is chosen: picked now, or fetched for what the contract had.
  const [picked, setPicked] = useState(new Map<string, string>());
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: contract,
    initial: () => valuesOf(contract, supplierId),
    collection: '/api/v1/contracts',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (c) => payloadOf(valuesOf(c, null)),
    schema: contractCreate,
    invalidate,
    createdMessage: (saved) => t('registry.contracts.contracts.created', { name: saved.title }),
    onCreated: (saved) => navigate({ to: '/contracts/$contractId', params: { contractId: saved.id } }),
    onReload,
  });
  const owner = usePerson(values.ownerId && !picked.has(values.ownerId) ? values.ownerId : null);
  const systems = useQueries({
    queries: values.systemIds
      .filter((id) => !picked.has(id))
      .map((id) => ({
        queryKey: systemKeys.one(id),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          api.get<System>(`/api/v1/systems/${id}`, { signal }),
        staleTime: 30_000,
      })),
  });
  const fetched = new Map(systems.flatMap((q) => (q.data ? [[q.data.id, q.data.name] as const] : [])));
  const labelOf = (id: string, fallback?: string) => picked.get(id) ?? fetched.get(id) ?? fallback ?? '…';
  const remember = (chosen: { id: string; label: string }[]) =>
    setPicked((m) => new Map([...m, ...chosen.map((c) => [c.id, c.label] as const)]));

  const set =
    <K extends keyof ContractValues>(field: K) =>
    (value: ContractValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const field = (name: string) => t(`registry.contracts.contracts.field.${name}`);
  const m = (key: string) => t(`registry.contracts.contracts.${key}`);
  const text = (name: 'title' | 'contractNumber' | 'procurementReference' | 'dpaReference', max: number) => (
    <TextInput
      label={field(name)}
      value={values[name]}
      onChange={(e) => set(name)(e.currentTarget.value)}
      error={errors[name]}
      maxLength={max}
      required={name === 'title'}
      data-autofocus={name === 'title' || undefined}
    />
  );
  const number = (name: keyof ContractValues, label: string, max: number) => (
    <NumberInput
      label={label}
      value={values[name] as number | string}
      onChange={(v) => set(name)(v as never)}
      error={errors[name === 'annualValueKr' ? 'annualValue' : name]}
      min={0}
      max={max}
      allowDecimal={name === 'annualValueKr'}
      decimalScale={name === 'annualValueKr' ? 2 : 0}
      thousandSeparator=" "
      decimalSeparator=","
    />
  );
  const date = (name: 'startsOn' | 'endsOn' | 'extendableUntil' | 'dpaSignedOn', required = false) => (
    <DateField
      label={field(name)}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      required={required}
      clearable={!required}
    />
  );

  return (
    <Dialog opened={opened} onClose={close} title={creating ? m('createTitle') : m('editTitle')} size="xl">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={[...Object.keys(payloadOf(values))]}
            onReload={reload ? () => void reload() : undefined}
          />
          {text('title', 200)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RemoteSelect<{ id: string; name: string }>
              path="/api/v1/suppliers"
              toLabel={(s) => s.name}
              label={field('supplier')}
              value={
                values.supplierId
                  ? { id: values.supplierId, label: labelOf(values.supplierId, contract?.supplierName) }
                  : null
              }
              onChange={(v) => {
                if (v) remember([v]);
                set('supplierId')(v?.id ?? null);
              }}
              error={errors.supplierId}
              required
            />
            {text('contractNumber', 100)}
            {date('startsOn', true)}
            {date('endsOn')}
            {number(
              'noticeMonths',
              `${field('noticeMonths')} (${t('registry.contracts.contracts.monthsUnit')})`,
              600,
            )}
            {number('annualValueKr', `${field('annualValue')} (kr)`, 99_999_999_999)}
            {text('procurementReference', 100)}
            <RemoteSelect<Person>
              path="/api/v1/people"
              toLabel={(p) => `${p.givenName} ${p.familyName}`}
              label={field('owner')}
              value={
                values.ownerId
                  ? {
                      id: values.ownerId,
                      label: labelOf(
                        values.ownerId,
                        owner.data ? `${owner.data.givenName} ${owner.data.familyName}` : undefined,
                      ),
                    }
                  : null
              }
              onChange={(v) => {
                if (v) remember([v]);
                set('ownerId')(v?.id ?? null);
              }}
              error={errors.ownerId}
            />
          </SimpleGrid>
          <RemoteMultiSelect<System>
            path="/api/v1/systems"
            toLabel={(s) => s.name}
            label={m('systems')}
            value={values.systemIds.map((id) => ({ id, label: labelOf(id) }))}
            onChange={(chosen) => {
              remember(chosen);
              set('systemIds')(chosen.map((c) => c.id));
            }}
            error={errors.systemIds}
          />
          <Title order={3} size="h5">
            {m('extension')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {number('extensionCount', field('extensions'), 50)}
            {number('extensionMonths', t('registry.contracts.contracts.monthsEach'), 600)}
            {date('extendableUntil')}
          </SimpleGrid>
          <Textarea
            label={field('extensionTerms')}
            value={values.extensionTerms}
            onChange={(e) => set('extensionTerms')(e.currentTarget.value)}
            error={errors.extensionTerms}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Title order={3} size="h5">
            {m('dpa')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={field('dpaStatus')}
              data={dpaStatuses.map((s) => ({ value: s, label: m(`dpaStatus.${s}`) }))}
              value={values.dpaStatus}
              onChange={(v) => v && set('dpaStatus')(v as DpaStatus)}
              allowDeselect={false}
              error={errors.dpaStatus}
              comboboxProps={{ withinPortal: true }}
            />
            {values.dpaStatus === 'signed' && date('dpaSignedOn')}
            {text('dpaReference', 200)}
          </SimpleGrid>
          <Title order={3} size="h5">
            {m('reminders')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('noticeReminderDays', m('noticeReminderDays'), 730)}
            {number('endReminderDays', m('endReminderDays'), 730)}
          </SimpleGrid>
          <Textarea
            label={field('notes')}
            value={values.notes}
            onChange={(e) => set('notes')(e.currentTarget.value)}
            error={errors.notes}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? m('create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
