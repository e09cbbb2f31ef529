import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Group, type GroupKind, groupCreate, groupKinds } from '../../../../shared/desk/groups.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { useGroupsInvalidate } from '../api.ts';
import { type Named, PersonSelect, SupplierSelect, SystemSelect } from '../inputs.tsx';

// Creating and changing a group: its kind decides what else it names (a förvaltning's system, a
// supplier's company); edits carry their version.

interface GroupValues {
  name: string;
  kind: GroupKind;
  description: string;
  email: string;
  system: Named | null;
  supplier: Named | null;
  lead: Named | null;
}

function valuesOf(g: Group | null): GroupValues {
  return {
    name: g?.name ?? '',
    kind: g?.kind ?? 'secondLine',
    description: g?.description ?? '',
    email: g?.email ?? '',
    system: g?.systemId ? { id: g.systemId, name: g.systemName ?? '' } : null,
    supplier: g?.supplierId ? { id: g.supplierId, name: g.supplierName ?? '' } : null,
    lead: g?.leadId ? { id: g.leadId, name: g.leadName ?? '' } : null,
  };
}

const fields = ['name', 'kind', 'description', 'email', 'systemId', 'supplierId', 'leadId'];

export function GroupFormModal({
  opened,
  onClose,
  group,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  group: Group | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGroupsInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: group,
    initial: () => valuesOf(group),
    collection: '/api/v1/groups',
    payload: (v: GroupValues) => ({
      name: v.name.trim(),
      kind: v.kind,
      description: orNull(v.description),
      email: orNull(v.email),
      systemId: v.kind === 'management' ? (v.system?.id ?? null) : null,
      supplierId: v.kind === 'supplier' ? (v.supplier?.id ?? null) : null,
      leadId: v.lead?.id ?? null,
    }),
    createOnly: () => ({}),
    before: (g) => ({
      name: g.name,
      kind: g.kind,
      description: g.description,
      email: g.email,
      systemId: g.systemId,
      supplierId: g.supplierId,
      leadId: g.leadId,
    }),
    schema: groupCreate,
    invalidate,
    createdMessage: (saved) => t('desk.groups.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/desk/groups/$groupId', params: { groupId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`desk.groups.field.${name}`);
  const set =
    <K extends keyof GroupValues>(key: K) =>
    (value: GroupValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.groups.createTitle') : t('desk.groups.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={120}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('kind')}
              data={groupKinds.map((k) => ({ value: k, label: t(`desk.groups.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as GroupKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            {values.kind === 'management' && (
              <SystemSelect
                label={field('system')}
                description={t('desk.groups.systemHelp')}
                value={values.system}
                onChange={set('system')}
                error={errors.systemId}
              />
            )}
            {values.kind === 'supplier' && (
              <SupplierSelect
                label={field('supplier')}
                description={t('desk.groups.supplierHelp')}
                value={values.supplier}
                onChange={set('supplier')}
                error={errors.supplierId}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label={field('lead')}
              description={t('desk.groups.leadHelp')}
              value={values.lead}
              onChange={set('lead')}
              error={errors.leadId}
            />
            <TextInput
              label={field('email')}
              type="email"
              value={values.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={errors.email}
              maxLength={254}
            />
          </SimpleGrid>
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.groups.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
