import { Button, CloseButton, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/directory.ts';
import { api, type Page, query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { usePerson } from '../directory/api.ts';
import { stockholmDayBoundary } from '../format.ts';
import { DateField } from '../inputs.tsx';
import { ForbiddenPage } from '../NotFoundPage.tsx';
import { PageHeader } from '../page.tsx';
import { useSeam } from '../seam.ts';
import { type AuditFilter, AuditTable, EntityView, useAuditList } from './audit.tsx';
import type { AuditSearch } from './search.ts';

// The audit log (admins): every change in the tenant, filtered by kind of record, by who made
// it and by period, with the same selection downloadable as CSV.

function ActorSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const selected = usePerson(value);
  const people = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(
        `/api/v1/people${query({ search: debounced, limit: 20, includeArchived: true })}`,
        { signal },
      ),
    staleTime: 10_000,
  });
  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, selected.data.name);
  for (const p of people.data?.items ?? []) options.set(p.id, p.name);
  return (
    <Select
      label={t('audit.filterActor')}
      placeholder={t('audit.anyone')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const seam = useSeam();
  const search = useSearch({ from: '/_app/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const filter: AuditFilter = {
    entity: search.entity,
    entityId: search.entityId,
    actorId: search.actorId,
    from: search.from ? stockholmDayBoundary(search.from) : undefined,
    to: search.to ? stockholmDayBoundary(search.to, true) : undefined,
  };
  const list = useAuditList(filter, 50, isAdmin);
  if (!isAdmin) return <ForbiddenPage />;

  const set = (patch: Partial<AuditSearch>) =>
    void navigate({ search: (prev: AuditSearch) => ({ ...prev, ...patch }), replace: true });
  const anyFilter = Object.values(search).some(Boolean);
  const exportHref = `/api/v1/audit/export${query({ ...filter })}`;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        breadcrumbs={[{ label: t('nav.administration') }, { label: t('audit.title') }]}
        actions={
          <Button
            component="a"
            href={exportHref}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('common.exportCsv')}
          </Button>
        }
      />
      <Paper withBorder p="md" mb="md" role="search" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Select
            label={t('audit.filterEntity')}
            placeholder={t('audit.allEntities')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data={[...seam.audit.values()].map((e) => ({ value: e.entity, label: t(e.label) }))}
            value={search.entity ?? null}
            onChange={(value) => set({ entity: value ?? undefined, entityId: undefined })}
          />
          <ActorSelect value={search.actorId} onChange={(actorId) => set({ actorId })} />
          <DateField label={t('audit.from')} value={search.from} onChange={(from) => set({ from })} />
          <DateField label={t('audit.to')} value={search.to} onChange={(to) => set({ to })} />
        </SimpleGrid>
        {(search.entityId || anyFilter) && (
          <Group mt="sm" gap="sm">
            {search.entityId && (
              <Group gap={4}>
                <Text size="sm">{t('audit.onlyRecord')}</Text>
                {list.items[0]?.entityName ? (
                  <EntityView event={list.items[0]} />
                ) : (
                  <Text size="sm" className="styrbord-mono">
                    {search.entityId.slice(0, 8)}
                  </Text>
                )}
                <CloseButton
                  size="sm"
                  aria-label={t('audit.clearRecord')}
                  onClick={() => set({ entityId: undefined })}
                />
              </Group>
            )}
            {anyFilter && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                onClick={() => void navigate({ search: {}, replace: true })}
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
        )}
      </Paper>
      <AuditTable list={list} caption={t('audit.caption')} minWidth={900} withRecord bordered />
    </>
  );
}
