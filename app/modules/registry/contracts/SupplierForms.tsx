import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Supplier, supplierCreate } from '../../../../shared/registry/contracts.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';

// Registering and changing a supplier. The organisationsnummer is checked as typed by the same
// schema the server uses (the `organisationsnummer` package); edits carry their version.

interface SupplierValues {
  name: string;
  orgNumber: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  contactPerson: string;
  notes: string;
}

const fields = [
  'name',
  'orgNumber',
  'address',
  'phone',
  'email',
  'website',
  'contactPerson',
  'notes',
] as const;

function valuesOf(s: Supplier | null): SupplierValues {
  return Object.fromEntries(fields.map((f) => [f, s?.[f] ?? ''])) as unknown as SupplierValues;
}

/** Refreshes every cached supplier (lists and pages). */
export function useSupplierInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registry', 'suppliers'] });
}

export function SupplierFormModal({
  opened,
  onClose,
  supplier,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  supplier: Supplier | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useSupplierInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: supplier,
    initial: () => valuesOf(supplier),
    collection: '/api/v1/suppliers',
    payload: (v: SupplierValues) => ({
      name: v.name.trim(),
      orgNumber: orNull(v.orgNumber),
      address: orNull(v.address),
      phone: orNull(v.phone),
      email: orNull(v.email),
      website: orNull(v.website),
      contactPerson: orNull(v.contactPerson),
      notes: orNull(v.notes),
    }),
    createOnly: () => ({}),
    before: (s) => ({
      name: s.name,
      orgNumber: s.orgNumber,
      address: s.address,
      phone: s.phone,
      email: s.email,
      website: s.website,
      contactPerson: s.contactPerson,
      notes: s.notes,
    }),
    schema: supplierCreate,
    invalidate,
    createdMessage: (saved) => t('registry.contracts.suppliers.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/suppliers/$supplierId', params: { supplierId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`registry.contracts.contracts.field.${name}`);
  const text = (name: keyof SupplierValues, max: number, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={field(name)}
      value={values[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [name]: value }));
      }}
      error={errors[name]}
      maxLength={max}
      {...extra}
    />
  );

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={
        creating ? t('registry.contracts.suppliers.createTitle') : t('registry.contracts.suppliers.editTitle')
      }
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={[...fields]}
            onReload={reload ? () => void reload() : undefined}
          />
          {text('name', 200, { required: true, 'data-autofocus': true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('orgNumber', 13, { description: t('registry.contracts.suppliers.orgNumberHelp') })}
            {text('contactPerson', 200)}
            {text('phone', 40, { type: 'tel' })}
            {text('email', 254, { type: 'email' })}
          </SimpleGrid>
          {text('website', 2000, { type: 'url' })}
          <Textarea
            label={field('address')}
            value={values.address}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, address: value }));
            }}
            error={errors.address}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Textarea
            label={field('notes')}
            value={values.notes}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, notes: value }));
            }}
            error={errors.notes}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.contracts.suppliers.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
