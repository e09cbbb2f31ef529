import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Procedure,
  type Procurement,
  procedures,
  procurementCreate,
} from '../../../../shared/portfolio/procurements.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { ContractSelect, type Named, PersonSelect } from '../../desk/inputs.tsx';
import { RemoteMultiSelect } from '../../registry/contracts/pickers.tsx';
import { useProcurementInvalidate } from './api.ts';
import { kr, ore } from './parts.tsx';

// Registering and changing a procurement: what and how (procedure, the framework of a renewed
// competition), value in kronor (sent in öre), the dates of its steps, who answers, the unit, the
// systems, and the contracts of the register it replaces and resulted in. The status is changed
// on its own (StatusDialog); edits carry their version.

type DateKey = 'plannedStartOn' | 'advertisedOn' | 'tenderDeadlineOn' | 'awardedOn' | 'contractStartsOn';
const dateKeys: DateKey[] = [
  'plannedStartOn',
  'advertisedOn',
  'tenderDeadlineOn',
  'awardedOn',
  'contractStartsOn',
];

interface Values {
  title: string;
  description: string;
  procedure: Procedure;
  frameworkReference: string;
  estimatedValueKr: number | string;
  dates: Record<DateKey, string | undefined>;
  responsible: Named | null;
  unitId: string | null;
  systems: { id: string; label: string }[];
  replacesContract: Named | null;
  contract: Named | null;
}

function valuesOf(p: Procurement | null): Values {
  return {
    title: p?.title ?? '',
    description: p?.description ?? '',
    procedure: p?.procedure ?? 'open',
    frameworkReference: p?.frameworkReference ?? '',
    estimatedValueKr: kr(p?.estimatedValue),
    dates: Object.fromEntries(dateKeys.map((k) => [k, p?.[k] ?? undefined])) as Values['dates'],
    responsible: p?.responsible ?? null,
    unitId: p?.unit?.id ?? null,
    systems: (p?.systems ?? []).map((s) => ({ id: s.id, label: s.name })),
    replacesContract: p?.replacesContract ?? null,
    contract: p?.contract ?? null,
  };
}

function payloadOf(v: Values) {
  return {
    title: v.title.trim(),
    description: orNull(v.description),
    procedure: v.procedure,
    frameworkReference: v.procedure === 'renewedCompetition' ? orNull(v.frameworkReference) : null,
    estimatedValue: ore(v.estimatedValueKr),
    ...(Object.fromEntries(dateKeys.map((k) => [k, v.dates[k] ?? null])) as Record<DateKey, string | null>),
    responsibleId: v.responsible?.id ?? null,
    unitId: v.unitId,
    systemIds: v.systems.map((s) => s.id),
    replacesContractId: v.replacesContract?.id ?? null,
    contractId: v.contract?.id ?? null,
  };
}

export function ProcurementFormModal({
  opened,
  onClose,
  procurement,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  procurement: Procurement | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useProcurementInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: procurement,
    initial: () => valuesOf(procurement),
    collection: '/api/v1/procurements',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (p) => payloadOf(valuesOf(p)),
    schema: procurementCreate,
    invalidate,
    createdMessage: (saved) => t('portfolio.procurements.created', { name: saved.title }),
    onCreated: (saved) =>
      navigate({ to: '/portfolio/procurements/$procurementId', params: { procurementId: saved.id } }),
    onReload,
  });
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const field = (name: string) => t(`portfolio.procurements.field.${name}`);
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('portfolio.procurements.createTitle') : t('portfolio.procurements.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={Object.keys(payloadOf(values))}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('title')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
            required
            data-autofocus
          />
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('procedure')}
              description={t('portfolio.procurements.procedureHelp')}
              data={procedures.map((p) => ({ value: p, label: t(`portfolio.procurements.procedure.${p}`) }))}
              value={values.procedure}
              onChange={(v) => v && set('procedure')(v as Procedure)}
              error={errors.procedure}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={`${field('estimatedValue')} (kr)`}
              description={t('portfolio.procurements.valueHelp')}
              value={values.estimatedValueKr}
              onChange={(v) => set('estimatedValueKr')(v)}
              error={errors.estimatedValue}
              min={0}
              max={9_999_999_999_999}
              decimalScale={2}
              thousandSeparator=" "
              decimalSeparator=","
            />
            {values.procedure === 'renewedCompetition' && (
              <TextInput
                label={field('frameworkReference')}
                value={values.frameworkReference}
                onChange={(e) => set('frameworkReference')(e.currentTarget.value)}
                error={errors.frameworkReference}
                maxLength={200}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {dateKeys.map((k) => (
              <DateField
                key={k}
                label={field(k)}
                value={values.dates[k]}
                onChange={(d) => setValues((v) => ({ ...v, dates: { ...v.dates, [k]: d } }))}
                error={errors[k]}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label={field('responsible')}
              value={values.responsible}
              onChange={set('responsible')}
              error={errors.responsibleId}
            />
            <UnitSelect
              label={field('unit')}
              value={values.unitId}
              onChange={set('unitId')}
              error={errors.unitId}
            />
            <ContractSelect
              label={field('replacesContract')}
              description={t('portfolio.procurements.replacesHelp')}
              value={values.replacesContract}
              onChange={set('replacesContract')}
              error={errors.replacesContractId}
            />
            <ContractSelect
              label={field('contract')}
              description={t('portfolio.procurements.contractHelp')}
              value={values.contract}
              onChange={set('contract')}
              error={errors.contractId}
            />
          </SimpleGrid>
          <RemoteMultiSelect<{ id: string; name: string }>
            path="/api/v1/systems"
            toLabel={(s) => s.name}
            label={field('systems')}
            value={values.systems}
            onChange={set('systems')}
            error={errors.systemIds}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
