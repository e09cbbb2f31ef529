import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType } from '../../../../shared/registry/records.ts';
import { ArchiveDialog } from '../../../platform/dialogs.tsx';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { SystemLink } from '../systems/parts.tsx';
import { useInformationPlan, useRecordsInvalidate } from './api.ts';
import { BasisText, LevelsText, RetentionText } from './parts.tsx';
import { RecordTypeFormModal } from './RecordTypeForm.tsx';

// The record types of one process on its page: the table the information management plan is
// made of, with adding, changing and archiving for those who keep the register.

export function RecordTypesTable({
  items,
  caption,
  loading,
  error,
  onEdit,
  onArchive,
  showProcess = false,
  emptyText,
}: {
  items: RecordType[];
  caption: string;
  loading?: boolean;
  error?: unknown;
  onEdit?: (r: RecordType) => void;
  onArchive?: (r: RecordType) => void;
  showProcess?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const actions = !!onEdit && items.some((r) => r.can.update);
  const f = (name: string) => t(`registry.records.field.${name}`);
  const cols = 7 + (actions ? 1 : 0) + (showProcess ? 1 : 0);
  return (
    <DataTable
      caption={caption}
      colSpan={cols}
      minWidth={1000}
      loading={loading}
      error={error}
      empty={items.length === 0}
      emptyText={emptyText}
      head={
        <Table.Tr>
          <Table.Th scope="col">{f('name')}</Table.Th>
          {showProcess && <Table.Th scope="col">{t('registry.records.plan.process')}</Table.Th>}
          <Table.Th scope="col">{f('retention')}</Table.Th>
          <Table.Th scope="col">{f('retentionBasis')}</Table.Th>
          <Table.Th scope="col">{f('registration')}</Table.Th>
          <Table.Th scope="col">{f('systemId')}</Table.Th>
          <Table.Th scope="col">{f('secret')}</Table.Th>
          <Table.Th scope="col">{t('registry.records.levels')}</Table.Th>
          {actions && (
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          )}
        </Table.Tr>
      }
    >
      {items.map((r) => (
        <Table.Tr key={r.id}>
          <Table.Td>
            <Text size="sm" fw={500}>
              {r.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`registry.records.format.${r.format}`)}
              {r.fileFormats ? ` · ${r.fileFormats}` : ''}
              {r.personalData ? ` · ${f('personalData')}` : ''}
            </Text>
          </Table.Td>
          {showProcess && (
            <Table.Td>
              <Text size="sm">
                {r.process.code} {r.process.name}
              </Text>
            </Table.Td>
          )}
          <Table.Td>
            <RetentionText recordType={r} />
            {r.eArchive && (
              <Text size="xs" c="dimmed">
                {f('eArchive')}
                {r.eArchiveWhen ? `: ${r.eArchiveWhen}` : ''}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <BasisText recordType={r} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{t(`registry.records.registration.${r.registration}`)}</Text>
          </Table.Td>
          <Table.Td>{r.systemId ? <SystemLink id={r.systemId} /> : <EmptyValue />}</Table.Td>
          <Table.Td>
            <Text size="sm">{r.secret ? (r.secrecyProvision ?? t('common.yes')) : t('common.no')}</Text>
          </Table.Td>
          <Table.Td>
            <LevelsText recordType={r} />
          </Table.Td>
          {actions && (
            <Table.Td>
              {r.can.update && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray.8"
                    aria-label={t('registry.records.edit', { name: r.name })}
                    onClick={() => onEdit?.(r)}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  {r.can.archive && onArchive && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('registry.records.archive', { name: r.name })}
                      onClick={() => onArchive(r)}
                    >
                      <IconArchive size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              )}
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function RecordTypesSection({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const view = useInformationPlan(processId);
  const invalidate = useRecordsInvalidate();
  const [editing, setEditing] = useState<RecordType | null>(null);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<RecordType | null>(null);
  return (
    <Section
      id="process-record-types"
      title={t('registry.records.recordTypes')}
      actions={
        view.data?.canManage ? (
          <Button
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('registry.records.newRecordType')}
          </Button>
        ) : null
      }
    >
      <RecordTypesTable
        items={view.data?.recordTypes ?? []}
        caption={t('registry.records.recordTypesCaption')}
        loading={view.isPending}
        error={view.error}
        onEdit={setEditing}
        onArchive={setArchiving}
        emptyText={t('registry.records.noRecordTypes')}
      />
      <RecordTypeFormModal
        opened={creating || editing !== null}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        recordType={editing}
        processId={processId}
        onReload={() => view.refetch()}
      />
      {archiving && (
        <ArchiveDialog
          opened
          onClose={() => setArchiving(null)}
          title={t('registry.records.archiveTitle', { name: archiving.name })}
          help={t('registry.records.archiveHelp')}
          path={`/api/v1/record-types/${archiving.id}`}
          version={archiving.version}
          onReload={() => view.refetch()}
          invalidate={invalidate}
        />
      )}
    </Section>
  );
}
