import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconArrowRight,
  IconArrowsLeftRight,
  IconPencil,
  IconRestore,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration, IntegrationSort } from '../../../../shared/registry/integrations.ts';
import { useRestore } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { SortHeader } from '../systems/parts.tsx';
import { useIntegrationsInvalidate } from './api.ts';
import { ArchiveIntegrationModal, IntegrationFormModal } from './IntegrationForms.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** The rows of integrations, as the list page and a system's page show them. */
export function IntegrationRows({
  items,
  other,
  onEdit,
  onArchive,
}: {
  items: Integration[];
  /** On a system's page: show only the other end (its id is the page's system). */
  other?: 'from' | 'to';
  onEdit: (row: Integration) => void;
  onArchive: (row: Integration) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((row) => (
        <Table.Tr key={row.id}>
          {other !== 'to' && (
            <Table.Td>
              <SystemName end={row.fromSystem} />
            </Table.Td>
          )}
          {other !== 'from' && (
            <Table.Td>
              <SystemName end={row.toSystem} />
            </Table.Td>
          )}
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              {row.direction === 'bothWays' ? (
                <IconArrowsLeftRight size={14} aria-label={t('registry.integrations.direction.bothWays')} />
              ) : (
                <IconArrowRight size={14} aria-label={t('registry.integrations.direction.oneWay')} />
              )}
              <Text size="sm">{row.information}</Text>
            </Group>
            {row.archivedAt && (
              <Badge color="gray" variant="light" size="sm" styles={{ root: { textTransform: 'none' } }}>
                {t('registry.integrations.archived')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>{t(`registry.integrations.technique.${row.technique}`)}</Table.Td>
          <Table.Td>
            {row.frequency ? t(`registry.integrations.frequency.${row.frequency}`) : <EmptyValue />}
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              {row.personalData && (
                <Badge color="grape" variant="light" size="sm" styles={{ root: { textTransform: 'none' } }}>
                  {t('registry.integrations.field.personalData')}
                </Badge>
              )}
              {row.critical && (
                <Badge color="red" variant="light" size="sm" styles={{ root: { textTransform: 'none' } }}>
                  {t('registry.integrations.field.critical')}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <RowActions row={row} onEdit={onEdit} onArchive={onArchive} />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

export function SystemName({ end }: { end: Integration['fromSystem'] }) {
  return (
    <RouterAnchor
      to="/systems/$systemId"
      params={{ systemId: end.id }}
      size="sm"
      td={end.archived ? 'line-through' : undefined}
    >
      {end.name}
    </RouterAnchor>
  );
}

export function RowActions({
  row,
  onEdit,
  onArchive,
}: {
  row: Integration;
  onEdit: (row: Integration) => void;
  onArchive: (row: Integration) => void;
}) {
  const { t } = useTranslation();
  const invalidate = useIntegrationsInvalidate();
  const restore = useRestore(`/api/v1/integrations/${row.id}`, row.version, invalidate);
  const named = { information: row.information };
  return (
    <Group gap={4} wrap="nowrap">
      {row.can.update && (
        <Tooltip label={t('registry.integrations.editNamed', named)}>
          <ActionIcon
            variant="subtle"
            aria-label={t('registry.integrations.editNamed', named)}
            onClick={() => onEdit(row)}
          >
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {row.can.archive && (
        <Tooltip label={t('registry.integrations.archiveNamed', named)}>
          <ActionIcon
            variant="subtle"
            color="red.9"
            aria-label={t('registry.integrations.archiveNamed', named)}
            onClick={() => onArchive(row)}
          >
            <IconArchive size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {row.can.restore && (
        <Tooltip label={t('registry.integrations.restoreNamed', named)}>
          <ActionIcon
            variant="subtle"
            aria-label={t('registry.integrations.restoreNamed', named)}
            loading={restore.isPending}
            onClick={() => restore.mutate()}
          >
            <IconRestore size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {restore.error ? <ProblemAlert error={restore.error} /> : null}
    </Group>
  );
}

/**
 * The header cells of the rows above; with `sorting` (the list page) the columns it sorts by are
 * buttons that sort.
 */
export function IntegrationHead({
  other,
  sorting,
}: {
  other?: 'from' | 'to';
  sorting?: {
    sort: IntegrationSort;
    order: 'asc' | 'desc';
    onSort: (column: IntegrationSort, order: 'asc' | 'desc') => void;
  };
}) {
  const { t } = useTranslation();
  const field = (name: string) => t(`registry.integrations.field.${name}`);
  const header = (column: IntegrationSort, label: string) =>
    sorting ? (
      <SortHeader column={column} label={label} {...sorting} />
    ) : (
      <Table.Th scope="col">{label}</Table.Th>
    );
  return (
    <Table.Tr>
      {other !== 'to' &&
        (other ? (
          <Table.Th scope="col">{t('registry.integrations.section.other')}</Table.Th>
        ) : (
          header('fromSystem', field('fromSystemId'))
        ))}
      {other !== 'from' &&
        (other ? (
          <Table.Th scope="col">{t('registry.integrations.section.other')}</Table.Th>
        ) : (
          header('toSystem', field('toSystemId'))
        ))}
      {header('information', field('information'))}
      {header('technique', field('technique'))}
      {header('frequency', field('frequency'))}
      <Table.Th scope="col">
        {field('personalData')} / {field('critical')}
      </Table.Th>
      <Table.Th scope="col">{t('registry.integrations.actions')}</Table.Th>
    </Table.Tr>
  );
}

/** The dialogs a table of integrations opens: change (or register) and archive. */
export function useIntegrationDialogs() {
  const [editing, setEditing] = useState<Integration | null | undefined>(undefined);
  const [archiving, setArchiving] = useState<Integration | null>(null);
  return {
    edit: (row: Integration | null) => setEditing(row),
    archive: (row: Integration) => setArchiving(row),
    dialogs: (preset?: { fromSystemId?: string; toSystemId?: string }, presetName?: string) => (
      <>
        <IntegrationFormModal
          opened={editing !== undefined}
          onClose={() => setEditing(undefined)}
          integration={editing ?? null}
          preset={preset}
          presetName={presetName}
        />
        {archiving && (
          <ArchiveIntegrationModal
            opened
            onClose={() => setArchiving(null)}
            integration={archiving}
            onReload={async () => setArchiving(null)}
          />
        )}
      </>
    ),
  };
}
