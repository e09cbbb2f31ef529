import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Project, type ProjectPhase, projectPhases } from '../../../../shared/portfolio/projects.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { projectKeys, useKeepsPortfolio } from './api.ts';
import { ProjectFormModal } from './ProjectForm.tsx';
import { PhaseBadge, RagTriple } from './parts.tsx';
import type { ProjectsSearch } from './search.ts';
import { todayText } from './today.ts';

// The portfolio's projects: searchable, by phase, those whose status report is overdue, archived
// ones on request; the filters live in the URL.

export function ProjectsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/portfolio/projects' }) as ProjectsSearch;
  const navigate = useNavigate({ from: '/portfolio/projects' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ProjectsSearch>) =>
    void navigate({ search: (prev: ProjectsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    phase: search.phase,
    reportOverdue: search.overdue,
    includeArchived: search.archived,
  };
  const list = useCursorList<Project>(projectKeys.list, '/api/v1/projects', { ...params, limit: 50 });
  const canCreate = useKeepsPortfolio();
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`portfolio.projects.field.${name}`);
  const today = todayText();

  return (
    <>
      <PageHeader
        title={t('portfolio.projects.title')}
        description={t('portfolio.projects.description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: t('portfolio.projects.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/projects/export"
            exportParams={params}
            create={
              canCreate
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('portfolio.projects.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('portfolio.projects.filters')}>
        <SearchField
          label={t('portfolio.projects.search')}
          placeholder={t('portfolio.projects.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('phase')}
          placeholder={t('portfolio.projects.anyPhase')}
          data={projectPhases.map((p) => ({ value: p, label: t(`portfolio.projects.phase.${p}`) }))}
          value={search.phase ?? null}
          onChange={(v) => update({ phase: (v as ProjectPhase) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
        <Switch
          label={t('portfolio.projects.overdueOnly')}
          checked={!!search.overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('portfolio.projects.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('portfolio.projects.caption')}
        colSpan={6}
        minWidth={900}
        emptyText={
          search.q || search.phase || search.overdue
            ? t('portfolio.projects.noneMatch')
            : t('portfolio.projects.none')
        }
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('phase')}</Table.Th>
            <Table.Th scope="col">{field('manager')}</Table.Th>
            <Table.Th scope="col">{field('steeringGroup')}</Table.Th>
            <Table.Th scope="col">{field('latestStatus')}</Table.Th>
            <Table.Th scope="col">{field('nextReportOn')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((p) => {
          const latest = p.reports[0];
          return (
            <Table.Tr key={p.id}>
              <Table.Td>
                <RouterAnchor to="/portfolio/projects/$projectId" params={{ projectId: p.id }} size="sm">
                  {p.name}
                </RouterAnchor>
                {p.archivedAt && <ArchivedBadge />}
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={p.phase} />
              </Table.Td>
              <Table.Td>{p.manager?.name ?? <EmptyValue />}</Table.Td>
              <Table.Td>{p.steeringGroup?.name ?? <EmptyValue />}</Table.Td>
              <Table.Td>
                {latest ? (
                  <RagTriple report={latest} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('portfolio.projects.noReport')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {p.nextReportOn ? (
                  <Text size="sm" fw={p.nextReportOn < today ? 700 : undefined}>
                    {f.date(p.nextReportOn)}
                    {p.nextReportOn < today ? ` (${t('portfolio.projects.overdue')})` : ''}
                  </Text>
                ) : (
                  <EmptyValue />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </CursorTable>
      <ProjectFormModal opened={creating} onClose={() => setCreating(false)} project={null} />
    </>
  );
}
