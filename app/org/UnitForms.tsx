import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveBody, type Unit, type UnitKind, unitCreate, unitKinds } from '../../shared/org.ts';
import { api } from '../platform/api.ts';
import { ProblemAlert, translateMessage, useFieldErrors } from '../platform/errors.tsx';
import { changedFields, focusFirstInvalid, orNull, validate } from '../platform/form.ts';
import { notifySuccess } from '../platform/notify.ts';
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

function useTranslatedClientErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    clear: () => setErrors({}),
    check(schema: Parameters<typeof validate>[0], input: unknown): boolean {
      const found = validate(schema, input);
      setErrors(
        found ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k, translateMessage(t, v)])) : {},
      );
      return !found;
    },
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
  const [values, setValues] = useState<UnitValues>(() => valuesOf(unit, parentId));
  const client = useTranslatedClientErrors();
  const creating = unit === null;
  const formRef = useRef<HTMLFormElement>(null);

  // Fresh values when the form opens, and when the unit was reloaded after a version conflict.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded, not on every render
  useEffect(() => {
    if (opened) setValues(valuesOf(unit, parentId));
  }, [opened, unit?.version]);

  const payload = () => ({
    name: values.name.trim(),
    kind: values.kind,
    costCentre: orNull(values.costCentre),
    orgNumber: orNull(values.orgNumber),
  });

  const save = useMutation({
    mutationFn: async () => {
      if (creating) return api.post<Unit>('/api/v1/units', { ...payload(), parentId: values.parentId });
      const before = {
        name: unit.name,
        kind: unit.kind,
        costCentre: unit.costCentre,
        orgNumber: unit.orgNumber,
      };
      return api.patch<Unit>(`/api/v1/units/${unit.id}`, {
        version: unit.version,
        ...changedFields(before, payload()),
      });
    },
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(creating ? t('unit.created', { name: saved.name }) : t('common.saved'));
      close();
      if (creating) await navigate({ to: '/units/$unitId', params: { unitId: saved.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const serverErrors = useFieldErrors(save.error);
  const errors = { ...serverErrors, ...client.errors };

  function close() {
    save.reset();
    client.clear();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (client.check(unitCreate, { ...payload(), parentId: values.parentId })) save.mutate();
    else focusFirstInvalid(formRef.current);
  }

  async function reload() {
    await onReload?.();
    save.reset();
  }

  const set =
    <K extends keyof UnitValues>(field: K) =>
    (value: UnitValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={creating ? t('unit.createTitle') : t('unit.editTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['name', 'kind', 'parentId', 'costCentre', 'orgNumber']}
            onReload={onReload ? () => void reload() : undefined}
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? t('unit.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
  const [parentId, setParentId] = useState<string | null>(unit.parentId);
  useEffect(() => {
    if (opened) setParentId(unit.parentId);
  }, [opened, unit.parentId]);
  const move = useMutation({
    mutationFn: () => api.patch<Unit>(`/api/v1/units/${unit.id}`, { version: unit.version, parentId }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('unit.moved'));
      close();
    },
  });
  const errors = useFieldErrors(move.error);
  function close() {
    move.reset();
    onClose();
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('unit.moveTitle', { name: unit.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('unit.moveHelp')}</Text>
          <ProblemAlert
            error={move.error}
            fields={['parentId']}
            onReload={async () => {
              await onReload();
              move.reset();
            }}
          />
          <UnitSelect
            label={t('field.parentId')}
            placeholder={t('unit.noParent')}
            value={parentId}
            onChange={setParentId}
            exclude={subtreeOf(unit.id)}
            error={errors.parentId}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending} disabled={parentId === unit.parentId}>
              {t('unit.move')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Archive with a reason (units and people alike). */
export function ArchiveModal({
  opened,
  onClose,
  title,
  help,
  path,
  version,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  help: string;
  /** e.g. /api/v1/units/{id} */
  path: string;
  version: number;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  const [reason, setReason] = useState('');
  const client = useTranslatedClientErrors();
  const archive = useMutation({
    mutationFn: () => api.post(`${path}/archive`, { version, reason }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.archivedDone'));
      close();
    },
  });
  const serverErrors = useFieldErrors(archive.error);
  const errors = { ...serverErrors, ...client.errors };
  function close() {
    setReason('');
    archive.reset();
    client.clear();
    onClose();
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(archiveBody, { version, reason })) archive.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{help}</Text>
          <ProblemAlert
            error={archive.error}
            fields={['reason']}
            onReload={async () => {
              await onReload();
              archive.reset();
            }}
          />
          <Textarea
            label={t('field.archiveReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={archive.isPending}>
              {t('common.archive')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Restore an archived unit or person (a button that asks nothing: restoring loses nothing). */
export function useRestore(path: string, version: number) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  return useMutation({
    mutationFn: () => api.post(`${path}/restore`, { version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.restoredDone'));
    },
  });
}
