import { Badge, Button, Select, Switch, Table } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../shared/desk/calendars.ts';
import { useAuth } from '../../../platform/auth.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { calendarKeys } from './api.ts';
import { CalendarFormModal } from './CalendarForm.tsx';
import { weeklySummary } from './parts.tsx';
import type { CalendarsSearch } from './search.ts';

// Business calendars: a searchable, sortable table of keyset pages; the filters live in the URL.

export function CalendarsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/desk/calendars' });
  const navigate = useNavigate({ from: '/desk/calendars' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<CalendarsSearch>) =>
    void navigate({ search: (prev: CalendarsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    includeArchived: search.archived,
    sort: search.sort ?? 'name',
    order: search.sort === 'updatedAt' ? 'desc' : 'asc',
  };
  const list = useCursorList<Calendar>(calendarKeys.list, '/api/v1/calendars', { ...params, limit: 50 });
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`desk.calendars.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('desk.calendars.title')}
        description={t('desk.calendars.description')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.calendars.title') }]}
        actions={
          isAdmin ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('desk.calendars.new')}
            </Button>
          ) : undefined
        }
      />
      <FilterBar label={t('desk.calendars.filters')}>
        <SearchField
          label={t('desk.calendars.search')}
          placeholder={t('desk.calendars.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('desk.calendars.sort')}
          data={[
            { value: 'name', label: t('desk.calendars.sortName') },
            { value: 'updatedAt', label: t('desk.calendars.sortUpdated') },
          ]}
          value={search.sort ?? 'name'}
          onChange={(value) => update({ sort: value === 'updatedAt' ? 'updatedAt' : undefined })}
          allowDeselect={false}
          w={180}
        />
        <Switch
          label={t('desk.calendars.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.calendars.caption')}
        colSpan={4}
        minWidth={720}
        emptyText={search.q ? t('desk.calendars.noneMatch') : t('desk.calendars.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('timeZone')}</Table.Th>
            <Table.Th scope="col">{t('desk.calendars.weeklyHours')}</Table.Th>
            <Table.Th scope="col">{field('updatedAt')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <RouterAnchor to="/desk/calendars/$calendarId" params={{ calendarId: c.id }} fw={500} size="sm">
                {c.name}
              </RouterAnchor>{' '}
              {c.isDefault && (
                <Badge variant="light" size="sm">
                  {t('desk.calendars.default')}
                </Badge>
              )}
              {c.archivedAt && (
                <Badge variant="outline" color="gray.8" size="sm">
                  {t('common.archived')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{c.timeZone}</Table.Td>
            <Table.Td>{weeklySummary(t, c.weekly)}</Table.Td>
            <Table.Td>{f.dateTime(c.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {isAdmin && <CalendarFormModal opened={creating} onClose={() => setCreating(false)} calendar={null} />}
    </>
  );
}
