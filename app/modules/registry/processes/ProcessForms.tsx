import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ProcessLevel,
  type ProcessNode,
  parentLevel,
  processCreate,
} from '../../../../shared/registry/processes.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { useProcessInvalidate, useProcessTree } from './api.ts';
import { translateOwn } from './parts.tsx';

// Creating, editing and moving a node of the process tree. Edits carry the version they were
// based on; a 409 offers to reload instead of overwriting someone else's change.

interface ProcessValues {
  code: string;
  name: string;
  description: string;
}

export function ProcessFormModal({
  opened,
  onClose,
  node,
  level,
  parentId = null,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The node to edit; null to create one. */
  node: ProcessNode | null;
  /** The level of a node to create. */
  level: ProcessLevel;
  parentId?: string | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useProcessInvalidate();
  const { byId, children } = useProcessTree();
  // A new node's code proposes the next one under its parent: 3.2 → 3.2.4 when there are three.
  const proposed = () => {
    if (node) return node.code;
    const siblings = children.get(parentId) ?? [];
    const parent = parentId ? byId.get(parentId) : undefined;
    const prefix = parent ? `${parent.code}.` : '';
    return `${prefix}${siblings.length + 1}`;
  };
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: node,
    initial: (): ProcessValues => ({
      code: proposed(),
      name: node?.name ?? '',
      description: node?.description ?? '',
    }),
    collection: '/api/v1/processes',
    payload: (v: ProcessValues) => ({
      code: v.code.trim(),
      name: v.name.trim(),
      description: orNull(v.description),
    }),
    createOnly: () => ({ level, parentId }),
    before: (n) => ({ code: n.code, name: n.name, description: n.description }),
    schema: processCreate,
    invalidate,
    createdMessage: (saved) => t('registry.processes.created', { name: `${saved.code} ${saved.name}` }),
    onCreated: (saved) => navigate({ to: '/processes/$processId', params: { processId: saved.id } }),
    onReload,
  });
  const shown = translateOwn(t, errors);
  const levelName = t(`registry.processes.level.${node?.level ?? level}`);
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={
        creating
          ? t('registry.processes.createTitle', { level: levelName })
          : t('registry.processes.editTitle', { level: levelName })
      }
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['code', 'name', 'description', 'parentId', 'level']}
            onReload={reload ? () => void reload() : undefined}
          />
          {shown.parentId && (
            <Text c="red.9" size="sm" role="alert">
              {shown.parentId}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('registry.processes.field.code')}
              value={values.code}
              onChange={(e) => {
                const code = e.currentTarget.value;
                setValues((v) => ({ ...v, code }));
              }}
              error={shown.code}
              required
              maxLength={30}
            />
            <TextInput
              label={t('registry.processes.field.name')}
              value={values.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setValues((v) => ({ ...v, name }));
              }}
              error={shown.name}
              required
              data-autofocus
              maxLength={200}
              style={{ gridColumn: 'span 2' }}
            />
          </SimpleGrid>
          <Textarea
            label={t('registry.processes.field.description')}
            value={values.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              setValues((v) => ({ ...v, description }));
            }}
            error={shown.description}
            autosize
            minRows={3}
            maxLength={4000}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.processes.createTitle', { level: levelName }) : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Move a node under another of the level above (never below itself: the server refuses that). */
export function MoveProcessModal({
  opened,
  onClose,
  node,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  node: ProcessNode;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useProcessInvalidate();
  const { items } = useProcessTree().data ?? { items: [] };
  const wanted = parentLevel(node.level);
  const [parentId, setParentId] = useState<string | null>(node.parentId);
  useEffect(() => {
    if (opened) setParentId(node.parentId);
  }, [opened, node.parentId]);
  const move = useMutation({
    mutationFn: () => api.post(`/api/v1/processes/${node.id}/move`, { version: node.version, parentId }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('registry.processes.moved'));
      close();
    },
  });
  const errors = translateOwn(t, useFieldErrors(move.error));
  function close() {
    move.reset();
    onClose();
  }
  const candidates = items.filter((n) => n.level === wanted && n.id !== node.id);
  return (
    <Dialog opened={opened} onClose={close} title={t('registry.processes.moveTitle', { name: node.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('registry.processes.moveHelp')}</Text>
          <ProblemAlert
            error={move.error}
            fields={['parentId']}
            onReload={async () => {
              await onReload();
              move.reset();
            }}
          />
          <Select
            label={t('registry.processes.field.parentId')}
            data={candidates.map((n) => ({ value: n.id, label: `${n.code} ${n.name}` }))}
            value={parentId}
            onChange={setParentId}
            error={errors.parentId}
            searchable
            disabled={wanted === null}
            placeholder={wanted === null ? t('registry.processes.noParent') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <DialogFooter
            onCancel={close}
            label={t('registry.processes.move')}
            loading={move.isPending}
            disabled={parentId === node.parentId || wanted === null}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
