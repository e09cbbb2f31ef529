import { NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMonthsTo,
  type Procurement,
  procurementContractBody,
} from '../../../../shared/portfolio/procurements.ts';
import { api } from '../../../platform/api.ts';
import { FormDialog, useClientErrors } from '../../../platform/dialogs.tsx';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect, SupplierSelect } from '../../desk/inputs.tsx';
import { useProcurementInvalidate } from './api.ts';
import { kr, ore } from './parts.tsx';

// "Skapa avtal i registret": the contract an awarded procurement resulted in, made in the register
// and linked to the procurement in one request (POST /api/v1/procurements/{id}/contract, with the
// procurement's version). Prefilled from the procurement: its title, the contract's start (or the
// award), a term of four years (LOU's longest for a framework agreement) and the yearly value from
// the estimated value over the term, the responsible person as the contract's owner, its systems.

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const dayBefore = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};
const endOf = (startsOn: string | undefined, months: number | string) =>
  startsOn && months !== '' && Number(months) > 0
    ? dayBefore(addMonthsTo(startsOn, Number(months)))
    : undefined;

interface Values {
  supplier: Named | null;
  title: string;
  contractNumber: string;
  startsOn: string | undefined;
  termMonths: number | string;
  endsOn: string | undefined;
  annualValue: number | string;
  owner: Named | null;
}

function initial(p: Procurement): Values {
  const startsOn = p.contractStartsOn ?? p.awardedOn ?? today();
  const termMonths = 48;
  return {
    supplier: null,
    title: p.title,
    contractNumber: '',
    startsOn,
    termMonths,
    endsOn: endOf(startsOn, termMonths),
    annualValue: p.estimatedValue === null ? '' : kr(Math.round(p.estimatedValue / (termMonths / 12))),
    owner: p.responsible,
  };
}

export function ContractDialog({
  opened,
  onClose,
  procurement: p,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  procurement: Procurement;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalidate = useProcurementInvalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initial(p));
  const client = useClientErrors();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (opened) {
      setValues(initial(p));
      client.clear();
    }
  }, [opened, p.version]);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const body = {
    version: p.version,
    supplierId: values.supplier?.id ?? '',
    title: values.title.trim(),
    contractNumber: orNull(values.contractNumber),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? null,
    annualValue: ore(values.annualValue),
    ownerId: values.owner?.id ?? null,
    systemIds: p.systems.map((s) => s.id),
  };
  const save = useMutation({
    mutationFn: () => api.post<Procurement>(`/api/v1/procurements/${p.id}/contract`, body),
    onSuccess: async (linked) => {
      await invalidate();
      await queryClient.invalidateQueries({ queryKey: ['registry', 'contracts'] });
      notifySuccess(t('portfolio.procurements.contractCreated', { name: linked.contract?.name ?? '' }));
      close();
      if (linked.contract)
        void navigate({ to: '/contracts/$contractId', params: { contractId: linked.contract.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = { ...useFieldErrors(save.error), ...client.errors } as Record<string, string>;
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.procurements.${key}`, o ?? {});
  const c = (key: string) => m(`contractField.${key}`);
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={m('contractTitle', { name: p.title })}
      formRef={formRef}
      onSubmit={(event) => {
        event.preventDefault();
        if (client.check(procurementContractBody, body)) save.mutate();
        else focusFirstInvalid(formRef.current);
      }}
      help={m('createContractHelp')}
      error={save.error}
      fields={['supplierId', 'title', 'contractNumber', 'startsOn', 'endsOn', 'annualValue', 'ownerId']}
      onReload={() =>
        void onReload().then(() => {
          save.reset();
        })
      }
      submitLabel={m('createContract')}
      loading={save.isPending}
    >
      <SupplierSelect
        label={c('supplier')}
        value={values.supplier}
        onChange={set('supplier')}
        error={errors.supplierId}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          data-autofocus
          label={c('title')}
          value={values.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          maxLength={200}
          required
        />
        <TextInput
          label={c('contractNumber')}
          value={values.contractNumber}
          onChange={(e) => set('contractNumber')(e.currentTarget.value)}
          error={errors.contractNumber}
          maxLength={100}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={c('startsOn')}
          value={values.startsOn}
          onChange={(startsOn) =>
            setValues((v) => ({ ...v, startsOn, endsOn: endOf(startsOn, v.termMonths) ?? v.endsOn }))
          }
          error={errors.startsOn}
          required
        />
        <NumberInput
          label={c('termMonths')}
          value={values.termMonths}
          onChange={(termMonths) =>
            setValues((v) => ({ ...v, termMonths, endsOn: endOf(v.startsOn, termMonths) ?? v.endsOn }))
          }
          min={1}
          max={600}
          allowDecimal={false}
        />
        <DateField
          label={c('endsOn')}
          value={values.endsOn}
          onChange={(endsOn) => setValues((v) => ({ ...v, endsOn, termMonths: '' }))}
          error={errors.endsOn}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={`${c('annualValue')} (kr)`}
          value={values.annualValue}
          onChange={set('annualValue')}
          error={errors.annualValue}
          min={0}
          max={9_999_999_999_999}
          decimalScale={2}
          thousandSeparator=" "
          decimalSeparator=","
        />
        <PersonSelect
          label={c('owner')}
          value={values.owner}
          onChange={set('owner')}
          error={errors.ownerId}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {p.estimatedValue !== null && `${m('field.estimatedValue')}: ${f.sek(p.estimatedValue)}. `}
        {m('field.systems')}:{' '}
        {p.systems.length > 0 ? p.systems.map((s) => s.name).join(', ') : m('contractNoSystems')}
        {errors.systemIds && ` (${errors.systemIds})`}
      </Text>
    </FormDialog>
  );
}
