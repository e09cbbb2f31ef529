import { Button, List, MultiSelect, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { System } from '../../../../shared/registry/systems.ts';
import { request } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { Section } from '../../../platform/page.tsx';
import { useProcessInvalidate, useProcessTree, useSystemProcesses } from '../processes/api.ts';
import { translateOwn } from '../processes/parts.tsx';
import { useRecordTypesOfSystem } from './api.ts';
import { RecordTypesTable } from './RecordTypesSection.tsx';

// On a system's page: the processes the system supports (changed as a set by its keepers,
// owner and förvaltare) and the record types kept in it.

function EditProcesses({
  opened,
  onClose,
  system,
  current,
}: {
  opened: boolean;
  onClose: () => void;
  system: System;
  current: string[];
}) {
  const { t } = useTranslation();
  const invalidate = useProcessInvalidate();
  const tree = useProcessTree();
  const [chosen, setChosen] = useState<string[]>(current);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened
  useEffect(() => {
    if (opened) setChosen(current);
  }, [opened]);
  const save = useMutation({
    mutationFn: () => request('PUT', `/api/v1/systems/${system.id}/processes`, { processIds: chosen }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('registry.processes.section.saved'));
      close();
    },
  });
  const errors = translateOwn(t, useFieldErrors(save.error));
  function close() {
    save.reset();
    onClose();
  }
  const options = (tree.data?.items ?? [])
    .filter((n) => n.level === 'process' || n.level === 'group' || current.includes(n.id))
    .map((n) => ({ value: n.id, label: `${n.code} ${n.name}` }));
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('registry.processes.section.editTitle', { name: system.name })}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} fields={['processIds']} />
          <MultiSelect
            label={t('registry.processes.section.pick')}
            description={t('registry.processes.section.pickHelp')}
            data={options}
            value={chosen}
            onChange={setChosen}
            error={errors.processIds}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function SystemRecordsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const processes = useSystemProcesses(system.id);
  const records = useRecordTypesOfSystem(system.id);
  const [editing, setEditing] = useState(false);
  const linked = processes.data?.processes ?? [];
  return (
    <Section
      id="system-processes"
      title={t('registry.processes.section.title')}
      description={t('registry.processes.section.description')}
      actions={
        processes.data?.canUpdate && !system.archivedAt ? (
          <Button
            size="sm"
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('registry.processes.section.edit')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <div>
          <Text fw={600} size="sm" mb={4} component="h3">
            {t('registry.processes.section.processes')}
          </Text>
          <ProblemAlert error={processes.error} />
          {linked.length === 0 ? (
            <Text size="sm" c="dimmed">
              {processes.isPending ? t('common.loading') : t('registry.processes.section.noProcesses')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {linked.map((p) => (
                <List.Item key={p.id}>
                  <RouterAnchor to="/processes/$processId" params={{ processId: p.id }} size="sm">
                    {p.code} {p.name}
                  </RouterAnchor>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4} component="h3">
            {t('registry.records.keptInSystem')}
          </Text>
          {records.data && records.data.items.length === 0 ? (
            // No empty table in the page's column: its headers would overflow into a scroll region
            // a keyboard cannot reach (axe: scrollable-region-focusable).
            <Text size="sm" c="dimmed">
              {t('registry.records.noneInSystem')}
            </Text>
          ) : (
            <RecordTypesTable
              items={records.data?.items ?? []}
              caption={t('registry.records.keptInSystemCaption')}
              loading={records.isPending}
              error={records.error}
              showProcess
              emptyText={t('registry.records.noneInSystem')}
            />
          )}
        </div>
      </Stack>
      <EditProcesses
        opened={editing}
        onClose={() => setEditing(false)}
        system={system}
        current={linked.map((p) => p.id)}
      />
    </Section>
  );
}
