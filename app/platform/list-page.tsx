import { Button, Group, Menu, Paper, TextInput } from '@mantine/core';
import { IconChevronDown, IconDownload, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from './api.ts';
import { DataTable, LoadMore } from './table.tsx';

// The parts every list page has: export and "new" in the header, a filter bar with a search
// field, and a bordered table of keyset pages with "load more" below it.

type ExportParams = Record<string, string | boolean | undefined>;

/** Export the current selection as CSV or Excel. */
export function ExportMenu({ path, params }: { path: string; params: ExportParams }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('common.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={`${path}${query({ ...params, format: 'csv' })}`} download>
          {t('common.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={`${path}${query({ ...params, format: 'xlsx' })}`} download>
          {t('common.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The header actions of a list page: the export menu, and a "new" button when allowed. */
export function ListActions({
  exportPath,
  exportParams,
  create,
}: {
  exportPath: string;
  exportParams: ExportParams;
  /** Omit when the user may not create. */
  create?: { icon: ReactNode; label: string; onClick: () => void };
}) {
  return (
    <>
      <ExportMenu path={exportPath} params={exportParams} />
      {create && (
        <Button leftSection={create.icon} onClick={create.onClick}>
          {create.label}
        </Button>
      )}
    </>
  );
}

/** The filter bar above a list: a search landmark holding the filters in a row. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" mb="md" role="search" aria-label={label}>
      <Group gap="md" align="flex-end" wrap="wrap">
        {children}
      </Group>
    </Paper>
  );
}

/** Free-text search in a filter bar. */
export function SearchField({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      style={{ flex: '1 1 260px' }}
      type="search"
    />
  );
}

/** A (bordered) table of a cursor list's items, with "load more" below once there are any. */
export function CursorTable({
  bordered = true,
  list,
  caption,
  colSpan,
  minWidth,
  emptyText,
  head,
  children,
}: {
  /** In a bordered Paper (a page's main list) or bare (a section of a record page). */
  bordered?: boolean;
  /** What useCursorList returns. */
  list: {
    items: readonly unknown[];
    isPending: boolean;
    isFetchingNextPage: boolean;
    error: unknown;
    hasNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  caption: string;
  colSpan: number;
  minWidth: number;
  emptyText: string;
  head: ReactNode;
  children: ReactNode;
}) {
  const table = (
    <DataTable
      caption={caption}
      colSpan={colSpan}
      minWidth={minWidth}
      loading={list.isPending || list.isFetchingNextPage}
      error={list.error}
      empty={list.items.length === 0}
      emptyText={emptyText}
      head={head}
    >
      {children}
    </DataTable>
  );
  return (
    <>
      {bordered ? <Paper withBorder>{table}</Paper> : table}
      {list.items.length > 0 && (
        <LoadMore
          count={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
    </>
  );
}
