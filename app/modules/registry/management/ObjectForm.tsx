import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ManagementObject, managementObjectCreate } from '../../../../shared/registry/management.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { PersonSelect, SystemsMultiSelect } from '../privacy/inputs.tsx';

// Creating and changing a förvaltningsobjekt. A system already in another object is refused by
// the server with a 409 that names it, shown at the systems field.

interface Values {
  name: string;
  description: string;
  ownerId: string | null;
  managerId: string | null;
  systemIds: string[];
}

const valuesOf = (o: ManagementObject | null): Values => ({
  name: o?.name ?? '',
  description: o?.description ?? '',
  ownerId: o?.ownerId ?? null,
  managerId: o?.managerId ?? null,
  systemIds: o?.systemIds ?? [],
});

const payloadOf = (v: Values) => ({
  name: v.name.trim(),
  description: orNull(v.description),
  ownerId: v.ownerId,
  managerId: v.managerId,
  systemIds: v.systemIds,
});

export function ObjectFormModal({
  opened,
  onClose,
  object,
  invalidate,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  object: ManagementObject | null;
  invalidate: () => Promise<unknown>;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: object,
    initial: () => valuesOf(object),
    collection: '/api/v1/management-objects',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (o: ManagementObject) => payloadOf(valuesOf(o)),
    schema: managementObjectCreate,
    invalidate,
    createdMessage: (saved) => t('registry.management.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/management-objects/$objectId', params: { objectId: saved.id } }),
    onReload,
  });
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const label = (name: string) => t(`registry.management.field.${name}`);
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.management.createTitle') : t('registry.management.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['name', 'description', 'ownerId', 'managerId', 'systemIds']}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={label('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
            maxLength={200}
          />
          <Textarea
            label={label('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label={label('ownerId')}
              value={values.ownerId}
              onChange={set('ownerId')}
              error={errors.ownerId}
            />
            <PersonSelect
              label={label('managerId')}
              value={values.managerId}
              onChange={set('managerId')}
              error={errors.managerId}
            />
          </SimpleGrid>
          <SystemsMultiSelect
            label={label('systemIds')}
            description={label('systemHelp')}
            value={values.systemIds}
            onChange={set('systemIds')}
            error={errors.systemIds}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.management.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
