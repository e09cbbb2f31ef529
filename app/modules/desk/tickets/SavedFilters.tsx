import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type SavedFilter,
  type SavedFilterQuery,
  savedFilterCreate,
} from '../../../../shared/desk/filters.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useSavedFilters, useSavedFiltersInvalidate } from './work-api.ts';

// The agent's saved filters in the console: a list to choose one from (it replaces the filters of
// the address), saving the current filters under a name, and removing the one in use. Stored on
// the server per person (GET/POST/DELETE /api/v1/desk/saved-filters), so they follow the agent
// to any browser.

/** The filters as saved: only those set, in a fixed order, so that equal filters compare equal. */
export function queryOf(search: SavedFilterQuery): SavedFilterQuery {
  const keys: (keyof SavedFilterQuery)[] = [
    'q',
    'status',
    'type',
    'groupId',
    'assignee',
    'unassigned',
    'priority',
    'sort',
    'order',
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) if (search[key] !== undefined) out[key] = search[key];
  return out as SavedFilterQuery;
}

const same = (a: SavedFilterQuery, b: SavedFilterQuery) =>
  JSON.stringify(queryOf(a)) === JSON.stringify(queryOf(b));

function SaveDialog({
  query,
  opened,
  onClose,
}: {
  query: SavedFilterQuery;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const client = useClientErrors();
  const invalidate = useSavedFiltersInvalidate();
  const save = useMutation({
    mutationFn: () => api.post<SavedFilter>('/api/v1/desk/saved-filters', { name, query: queryOf(query) }),
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(t('desk.work.filters.saved', { name: saved.name }));
      close();
    },
  });
  const errors = { ...useFieldErrors(save.error), ...client.errors };
  function close() {
    setName('');
    save.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={t('desk.work.filters.saveTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(savedFilterCreate, { name, query: queryOf(query) })) save.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <Text size="sm">{t('desk.work.filters.saveHelp')}</Text>
          <ProblemAlert error={save.error} fields={['name']} />
          <TextInput
            label={t('desk.work.filters.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={80}
            data-autofocus
          />
          <DialogFooter onCancel={close} label={t('desk.work.filters.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

function RemoveDialog({ filter, onClose }: { filter: SavedFilter | null; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useSavedFiltersInvalidate();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/desk/saved-filters/${id}`),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.work.filters.removed'));
      close();
    },
  });
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Dialog opened={filter !== null} onClose={close} title={t('desk.work.filters.removeTitle')}>
      <Stack>
        <ProblemAlert error={remove.error} />
        <Text size="sm">{t('desk.work.filters.removeHelp', { name: filter?.name ?? '' })}</Text>
        <DialogFooter
          onCancel={close}
          label={t('desk.work.filters.remove')}
          color="red.9"
          loading={remove.isPending}
          onConfirm={() => filter && remove.mutate(filter.id)}
        />
      </Stack>
    </Dialog>
  );
}

export function SavedFilters({
  search,
  onApply,
  selectRef,
}: {
  search: SavedFilterQuery;
  onApply: (query: SavedFilterQuery) => void;
  /** Where "f" puts the focus. */
  selectRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const filters = useSavedFilters();
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<SavedFilter | null>(null);
  const items = filters.data?.items ?? [];
  const current = items.find((f) => same(f.query, search)) ?? null;
  return (
    <Group gap="sm" align="flex-end" mb="sm" wrap="wrap">
      <Select
        ref={selectRef}
        label={t('desk.work.filters.label')}
        placeholder={items.length ? t('desk.work.filters.choose') : t('desk.work.filters.none')}
        data={items.map((f) => ({ value: f.id, label: f.name }))}
        value={current?.id ?? null}
        onChange={(id) => {
          const chosen = items.find((f) => f.id === id);
          if (chosen) onApply(chosen.query);
        }}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        nothingFoundMessage={t('desk.work.filters.none')}
        aria-keyshortcuts="f"
        w={260}
      />
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => setSaving(true)}
        disabled={current !== null}
      >
        {t('desk.work.filters.saveOpen')}
      </Button>
      {current && (
        <Button
          variant="default"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setRemoving(current)}
        >
          {t('desk.work.filters.removeOpen')}
        </Button>
      )}
      <SaveDialog query={search} opened={saving} onClose={() => setSaving(false)} />
      <RemoveDialog filter={removing} onClose={() => setRemoving(null)} />
    </Group>
  );
}
