import { Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from './api.ts';
import { useAuth } from './auth.tsx';
import { useSeam } from './seam.ts';

// Ctrl+K: search every module at once (people, units and what modules register), or jump to a page.

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

interface SearchAnswer {
  sections: { section: string; hits: { id: string; title: string; detail: string | null; href: string }[] }[];
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const seam = useSeam();
  const { isAdmin } = useAuth();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const enabled = debounced.length > 0;

  // One request searches every module; each section holds only what this reader may see.
  const found = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) =>
      api.get<SearchAnswer>(`/api/v1/search${query({ q: debounced, limit: 5 })}`, { signal }),
    enabled,
    staleTime: 10_000,
  });

  const lower = debounced.toLocaleLowerCase('sv-SE');
  const matchingPages = seam.nav
    .filter((page) => !page.admin || isAdmin)
    .map((page) => ({ ...page, text: t(page.label) }))
    .filter((page) => !lower || page.text.toLocaleLowerCase('sv-SE').includes(lower));

  const go = (to: string) => {
    // biome-ignore lint/suspicious/noExplicitAny: targets are registered pages or records' own links
    void navigate({ to: to as any });
  };
  const loading = enabled && found.isFetching;
  const sections = enabled ? (found.data?.sections ?? []).filter((s) => s.hits.length > 0) : [];
  // Results arrive after the query changed (debounced, from the server): select the first one
  // then, so that Enter opens it.
  const resultKey = `${sections.map((s) => s.hits.map((h) => h.id).join()).join('|')}|${matchingPages.length}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the shown results change
  useEffect(() => {
    queueMicrotask(selectFirstResult);
  }, [resultKey]);

  const nothing = enabled && !loading && sections.length === 0 && matchingPages.length === 0;

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
        {sections.map(({ section, hits }) => {
          const view = seam.search.get(section);
          const Icon = view?.icon ?? IconSearch;
          return (
            <Spotlight.ActionsGroup key={section} label={view ? t(view.label) : section}>
              {hits.map((hit) => (
                <Spotlight.Action key={hit.id} onClick={() => go(hit.href)}>
                  <Group wrap="nowrap" gap="sm" w="100%">
                    <Icon size={18} aria-hidden />
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {hit.title}
                      </Text>
                      {hit.detail && (
                        <Text size="xs" c="dimmed" truncate>
                          {hit.detail}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {matchingPages.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.pages')}>
            {matchingPages.map((page) => (
              <Spotlight.Action key={page.to} onClick={() => go(page.to)}>
                <Text size="sm">{page.text}</Text>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {nothing && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
