import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { type Unit, type UnitKind, unitCreate, unitKinds } from '../../../shared/directory.ts';
import {
  ArchiveDialog,
  Dialog,
  DialogFooter,
  MoveDialog,
  useRestore as useRestoreRecord,
} from '../dialogs.tsx';
import { ProblemAlert } from '../errors.tsx';
import { orNull } from '../form.ts';
import { useRecordForm } from '../record-form.ts';
import { useOrgInvalidate, useUnitIndex } from './api.ts';
import { UnitSelect } from './parts.tsx';

// Creating, editing, moving, archiving and restoring a unit. Edits carry the version they were
// based on; a 409 offers to reload instead of overwriting someone else's change.

interface UnitValues {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  costCentre: string;
  orgNumber: string;
}

function valuesOf(unit: Unit | null, parentId: string | null = null): UnitValues {
  return {
    name: unit?.name ?? '',
    kind: unit?.kind ?? (parentId ? 'subunit' : 'department'),
    parentId: unit?.parentId ?? parentId,
    costCentre: unit?.costCentre ?? '',
    orgNumber: unit?.orgNumber ?? '',
  };
}

interface UnitFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The unit to edit; null to create one. */
  unit: Unit | null;
  /** Parent preselected when creating a sub-unit. */
  parentId?: string | null;
  /** Reload the unit after a version conflict. */
  onReload?: () => Promise<unknown>;
}

export function UnitFormModal({ opened, onClose, unit, parentId = null, onReload }: UnitFormModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useOrgInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: unit,
    initial: () => valuesOf(unit, parentId),
    collection: '/api/v1/units',
    payload: (v: UnitValues) => ({
      name: v.name.trim(),
      kind: v.kind,
      costCentre: orNull(v.costCentre),
      orgNumber: orNull(v.orgNumber),
    }),
    createOnly: (v) => ({ parentId: v.parentId }),
    before: (u) => ({ name: u.name, kind: u.kind, costCentre: u.costCentre, orgNumber: u.orgNumber }),
    schema: unitCreate,
    invalidate,
    createdMessage: (saved) => t('unit.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/units/$unitId', params: { unitId: saved.id } }),
    onReload,
  });

  const set =
    <K extends keyof UnitValues>(field: K) =>
    (value: UnitValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('unit.createTitle') : t('unit.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['name', 'kind', 'parentId', 'costCentre', 'orgNumber']}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={t('field.name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('field.kind')}
              data={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as UnitKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            {creating && (
              <UnitSelect
                label={t('field.parentId')}
                placeholder={t('unit.noParent')}
                value={values.parentId}
                onChange={set('parentId')}
                error={errors.parentId}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('field.costCentre')}
              value={values.costCentre}
              onChange={(e) => set('costCentre')(e.currentTarget.value)}
              error={errors.costCentre}
              maxLength={20}
            />
            <TextInput
              label={t('field.orgNumber')}
              description={t('unit.orgNumberHelp')}
              value={values.orgNumber}
              onChange={(e) => set('orgNumber')(e.currentTarget.value)}
              error={errors.orgNumber}
              maxLength={11}
            />
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={creating ? t('unit.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export function MoveUnitModal({
  opened,
  onClose,
  unit,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  unit: Unit;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  const { subtreeOf } = useUnitIndex();
  return (
    <MoveDialog
      opened={opened}
      onClose={onClose}
      title={t('unit.moveTitle', { name: unit.name })}
      help={t('unit.moveHelp')}
      path={`/api/v1/units/${unit.id}`}
      version={unit.version}
      field="parentId"
      current={unit.parentId}
      label={t('unit.move')}
      doneMessage={t('unit.moved')}
      onReload={onReload}
      invalidate={invalidate}
    >
      {(parentId, setParentId, error) => (
        <UnitSelect
          label={t('field.parentId')}
          placeholder={t('unit.noParent')}
          value={parentId}
          onChange={setParentId}
          exclude={subtreeOf(unit.id)}
          error={error}
          data-autofocus
        />
      )}
    </MoveDialog>
  );
}

/** Archive with a reason (units and people alike). */
export function ArchiveModal(props: Omit<ComponentProps<typeof ArchiveDialog>, 'invalidate'>) {
  const invalidate = useOrgInvalidate();
  return <ArchiveDialog {...props} invalidate={invalidate} />;
}

/** Restore an archived unit or person (a button that asks nothing: restoring loses nothing). */
export function useRestore(path: string, version: number) {
  return useRestoreRecord(path, version, useOrgInvalidate());
}
