import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Asset, type AssetKind, assetCreate, assetKinds } from '../../../../shared/catalogue/assets.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { toOre, useCatalogueInvalidate } from '../api.ts';
import { useRentalOfferings } from './api.ts';

// Registering and changing an asset's own fields: serial, model, kind, the offering whose rate is
// its rent, the purchase (value in kronor, sent in öre, and date) and the depreciation months that
// set its replacement date. Who holds it changes through issue and return, not here.

interface AssetValues {
  serial: string;
  model: string;
  kind: AssetKind;
  offeringId: string | null;
  purchaseValue: number | string;
  purchasedOn: string;
  depreciationMonths: number | string;
  note: string;
}

const valuesOf = (a: Asset | null): AssetValues => ({
  serial: a?.serial ?? '',
  model: a?.model ?? '',
  kind: a?.kind ?? 'computer',
  offeringId: a?.offering.id ?? null,
  purchaseValue: a ? a.purchaseValue / 100 : '',
  purchasedOn: a?.purchasedOn ?? '',
  depreciationMonths: a?.depreciationMonths ?? 48,
  note: a?.note ?? '',
});

const fields = [
  'serial',
  'model',
  'kind',
  'offeringId',
  'purchaseValue',
  'purchasedOn',
  'depreciationMonths',
  'note',
];

export function AssetFormModal({
  opened,
  onClose,
  asset,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The asset to change; null to register one. */
  asset: Asset | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useCatalogueInvalidate();
  const offerings = useRentalOfferings();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: asset,
    initial: () => valuesOf(asset),
    collection: '/api/v1/catalogue/assets',
    payload: (v: AssetValues) => ({
      serial: v.serial.trim(),
      model: v.model.trim(),
      kind: v.kind,
      offeringId: v.offeringId ?? '',
      purchaseValue: toOre(v.purchaseValue) ?? -1,
      purchasedOn: v.purchasedOn,
      depreciationMonths: v.depreciationMonths === '' ? 0 : Number(v.depreciationMonths),
      note: orNull(v.note),
    }),
    createOnly: () => ({}),
    before: (a) => ({
      serial: a.serial,
      model: a.model,
      kind: a.kind,
      offeringId: a.offering.id,
      purchaseValue: a.purchaseValue,
      purchasedOn: a.purchasedOn,
      depreciationMonths: a.depreciationMonths,
      note: a.note,
    }),
    schema: assetCreate,
    invalidate,
    createdMessage: (saved) => t('catalogue.assets.created', { name: saved.serial }),
    onCreated: (saved) => navigate({ to: '/catalogue/assets/$assetId', params: { assetId: saved.id } }),
    onReload,
  });
  const m = (key: string) => t(`catalogue.assets.${key}`);
  const field = (name: string) => m(`field.${name}`);
  const set =
    <K extends keyof AssetValues>(key: K) =>
    (value: AssetValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return (
    <Dialog opened={opened} onClose={close} title={creating ? m('new') : m('editTitle')} size="lg">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={field('serial')}
              value={values.serial}
              onChange={(e) => set('serial')(e.currentTarget.value)}
              error={errors.serial}
              maxLength={100}
              required
              data-autofocus
            />
            <Select
              label={field('kind')}
              data={assetKinds.map((k) => ({ value: k, label: m(`kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => set('kind')((v as AssetKind | null) ?? 'computer')}
              allowDeselect={false}
              error={errors.kind}
              required
            />
          </SimpleGrid>
          <TextInput
            label={field('model')}
            value={values.model}
            onChange={(e) => set('model')(e.currentTarget.value)}
            error={errors.model}
            maxLength={200}
            required
          />
          <Select
            label={field('offering')}
            description={m('offeringHelp')}
            data={(offerings.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={values.offeringId}
            onChange={set('offeringId')}
            error={errors.offeringId}
            searchable
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={field('purchaseValue')}
              value={values.purchaseValue}
              onChange={set('purchaseValue')}
              error={errors.purchaseValue}
              min={0}
              thousandSeparator=" "
              decimalSeparator=","
              decimalScale={2}
              required
            />
            <TextInput
              type="date"
              label={field('purchasedOn')}
              value={values.purchasedOn}
              onChange={(e) => set('purchasedOn')(e.currentTarget.value)}
              error={errors.purchasedOn}
              required
            />
            <NumberInput
              label={field('depreciationMonths')}
              value={values.depreciationMonths}
              onChange={set('depreciationMonths')}
              error={errors.depreciationMonths}
              min={1}
              max={240}
              allowDecimal={false}
              required
            />
          </SimpleGrid>
          <Textarea
            label={field('note')}
            value={values.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={2000}
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
