import { Anchor, Switch, Table } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/directory.ts';
import { useAuth } from '../auth.tsx';
import { RouterAnchor } from '../links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../list-page.tsx';
import { EmptyValue, PageHeader } from '../page.tsx';
import { useCursorList } from '../table.tsx';
import { PersonFormModal } from './PersonForms.tsx';
import { PersonStatusBadge, UnitLink, UnitSelect } from './parts.tsx';
import type { PeopleSearch } from './search.ts';

// People: search by name, email or title; filter by unit; keyset pages; export.

export function PeoplePage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/people' });
  const navigate = useNavigate({ from: '/people' });
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<PeopleSearch>) =>
    void navigate({ search: (prev: PeopleSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = { search: search.q, unitId: search.unitId, includeArchived: search.archived };
  const list = useCursorList<Person>(['people', 'list'], '/api/v1/people', { ...params, limit: 50 });

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        breadcrumbs={[{ label: t('nav.organisation') }, { label: t('people.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/people/export"
            exportParams={params}
            create={
              isAdmin
                ? {
                    icon: <IconUserPlus size={16} aria-hidden />,
                    label: t('person.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('people.filters')}>
        <SearchField
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <UnitSelect
          label={t('field.unitId')}
          placeholder={t('people.allUnits')}
          value={search.unitId ?? null}
          onChange={(unitId) => update({ unitId: unitId ?? undefined })}
          style={{ flex: '1 1 260px' }}
        />
        <Switch
          label={t('people.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('people.caption')}
        colSpan={5}
        minWidth={860}
        emptyText={search.q || search.unitId ? t('people.noneMatch') : t('people.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('field.personName')}</Table.Th>
            <Table.Th scope="col">{t('field.title')}</Table.Th>
            <Table.Th scope="col">{t('field.email')}</Table.Th>
            <Table.Th scope="col">{t('field.unitId')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>
              <RouterAnchor to="/people/$personId" params={{ personId: person.id }} fw={500} size="sm">
                {person.familyName}, {person.givenName}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>{person.title ?? <EmptyValue />}</Table.Td>
            <Table.Td>
              <Anchor href={`mailto:${person.email}`} size="sm">
                {person.email}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <UnitLink id={person.unitId} />
            </Table.Td>
            <Table.Td>
              <PersonStatusBadge person={person} />
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <PersonFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        person={null}
        unitId={search.unitId ?? null}
      />
    </>
  );
}
