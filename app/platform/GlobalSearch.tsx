import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '../../shared/directory.ts';
import { api, type Page, query } from './api.ts';
import { useAuth } from './auth.tsx';

// Ctrl+K: find people and units by name (and email, title, cost centre), or jump to a page.

export const [searchStore, search] = createSpotlight();

/** Marks the first result as selected (what Mantine does itself only when the query changes). */
function selectFirstResult() {
  const { listId } = searchStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  searchStore.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
}

interface NavTarget {
  id: string;
  label: string;
  to: string;
  admin?: boolean;
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isAdmin } = useAuth();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const enabled = debounced.length > 0;

  const people = useQuery({
    queryKey: ['search', 'people', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(`/api/v1/people${query({ search: debounced, limit: 5 })}`, { signal }),
    enabled,
    staleTime: 10_000,
  });
  const units = useQuery({
    queryKey: ['search', 'units', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Unit>>(`/api/v1/units${query({ search: debounced, limit: 5 })}`, { signal }),
    enabled,
    staleTime: 10_000,
  });

  const pages: NavTarget[] = [
    { id: 'nav-start', label: t('nav.start'), to: '/' },
    { id: 'nav-units', label: t('nav.units'), to: '/units' },
    { id: 'nav-people', label: t('nav.people'), to: '/people' },
    { id: 'nav-roles', label: t('nav.roles'), to: '/admin/roles', admin: true },
    { id: 'nav-audit', label: t('nav.audit'), to: '/admin/audit', admin: true },
    { id: 'nav-import', label: t('nav.import'), to: '/admin/import', admin: true },
    { id: 'nav-tokens', label: t('nav.tokens'), to: '/account/tokens' },
  ];
  const lower = debounced.toLocaleLowerCase('sv-SE');
  const matchingPages = pages.filter(
    (p) => (!p.admin || isAdmin) && (!lower || p.label.toLocaleLowerCase('sv-SE').includes(lower)),
  );

  const go = (to: string) => {
    // biome-ignore lint/suspicious/noExplicitAny: targets are real routes listed above or ids of real records
    void navigate({ to: to as any });
  };
  const loading = enabled && (people.isFetching || units.isFetching);
  const peopleItems = enabled ? (people.data?.items ?? []) : [];
  const unitItems = enabled ? (units.data?.items ?? []) : [];
  // Results arrive after the query changed (debounced, from the server): select the first one
  // then, so that Enter opens it.
  const resultKey = `${peopleItems.map((p) => p.id).join()}|${unitItems.map((u) => u.id).join()}|${matchingPages.length}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the shown results change
  useEffect(() => {
    queueMicrotask(selectFirstResult);
  }, [resultKey]);

  const nothing =
    enabled && !loading && peopleItems.length === 0 && unitItems.length === 0 && matchingPages.length === 0;

  return (
    <Spotlight.Root
      store={searchStore}
      query={text}
      onQueryChange={setText}
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
      size="lg"
      withinPortal
    >
      <Spotlight.Search
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={loading ? <Loader size={16} aria-hidden /> : <IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList aria-label={t('search.results')}>
        {peopleItems.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.people')}>
            {peopleItems.map((person) => (
              <Spotlight.Action key={person.id} onClick={() => go(`/people/${person.id}`)}>
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconUser size={18} aria-hidden />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {person.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {[person.title, person.email].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {unitItems.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.units')}>
            {unitItems.map((unit) => (
              <Spotlight.Action key={unit.id} onClick={() => go(`/units/${unit.id}`)}>
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconBuilding size={18} aria-hidden />
                  <Text size="sm" fw={500} style={{ flex: 1 }} truncate>
                    {unit.name}
                  </Text>
                  <Badge size="sm" variant="light" color="gray">
                    {t(`unitKind.${unit.kind}`)}
                  </Badge>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingPages.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.pages')}>
            {matchingPages.map((page) => (
              <Spotlight.Action key={page.id} onClick={() => go(page.to)}>
                <Text size="sm">{page.label}</Text>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {nothing && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
