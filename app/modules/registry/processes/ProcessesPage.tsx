import { Button, Group, Paper, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessTreeNode } from '../../../../shared/registry/processes.ts';
import { api } from '../../../platform/api.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ExportMenu, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { useProcessInvalidate, useProcessTree } from './api.ts';
import { ProcessFormModal } from './ProcessForms.tsx';
import { LevelBadge } from './parts.tsx';
import type { ProcessesSearch } from './search.ts';

// The process tree: verksamhetstyp → verksamhetsområde → processgrupp → process, each level a
// list whose nodes open and close with a disclosure button (keyboard: Tab to it, Enter or Space).
// A tenant without a tree is offered the reference structure.

interface TreeContext {
  children: Map<string | null, ProcessTreeNode[]>;
  shown: (node: ProcessTreeNode) => boolean;
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
}

function TreeLevel({ parentId, depth, tree }: { parentId: string | null; depth: number; tree: TreeContext }) {
  const { t } = useTranslation();
  const items = (tree.children.get(parentId) ?? []).filter(tree.shown);
  if (items.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, paddingInlineStart: depth === 0 ? 0 : 22 }}>
      {items.map((node) => {
        const kids = (tree.children.get(node.id) ?? []).filter(tree.shown);
        const open = tree.isOpen(node.id);
        const label = `${node.code} ${node.name}`;
        return (
          <li key={node.id}>
            <div className="styrbord-tree-node">
              {kids.length > 0 ? (
                <UnstyledButton
                  aria-expanded={open}
                  aria-label={
                    open
                      ? t('registry.processes.collapse', { name: label })
                      : t('registry.processes.expand', { name: label })
                  }
                  onClick={() => tree.toggle(node.id)}
                  style={{ display: 'inline-flex', padding: 2, borderRadius: 4 }}
                >
                  {open ? (
                    <IconChevronDown size={16} aria-hidden />
                  ) : (
                    <IconChevronRight size={16} aria-hidden />
                  )}
                </UnstyledButton>
              ) : (
                <span style={{ width: 20, display: 'inline-block' }} />
              )}
              <Text span size="sm" c="dimmed" className="styrbord-mono" style={{ minWidth: 56 }}>
                {node.code}
              </Text>
              <RouterAnchor
                to="/processes/$processId"
                params={{ processId: node.id }}
                size="sm"
                fw={depth < 2 ? 600 : 400}
              >
                {node.name}
              </RouterAnchor>
              {node.level !== 'process' && depth === 0 && <LevelBadge level={node.level} />}
              {node.archivedAt && <ArchivedBadge />}
              {node.systemCount > 0 && (
                <Text span size="xs" c="dimmed">
                  {t('registry.processes.systemCount', { count: node.systemCount })}
                </Text>
              )}
              {node.recordTypeCount > 0 && (
                <Text span size="xs" c="dimmed">
                  {t('registry.processes.recordTypeCount', { count: node.recordTypeCount })}
                </Text>
              )}
            </div>
            {open && <TreeLevel parentId={node.id} depth={depth + 1} tree={tree} />}
          </li>
        );
      })}
    </ul>
  );
}

function EmptyTree({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const invalidate = useProcessInvalidate();
  const load = useMutation({
    mutationFn: () => api.post<{ created: number }>('/api/v1/processes/reference', {}),
    onSuccess: async (result) => {
      await invalidate();
      notifySuccess(
        result.created > 0
          ? t('registry.processes.referenceLoaded', { count: result.created })
          : t('registry.processes.referenceNothing'),
      );
    },
  });
  return (
    <Paper withBorder p="xl">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('registry.processes.empty')}</Text>
        {canManage && (
          <>
            <Text size="sm" c="dimmed" maw={640}>
              {t('registry.processes.emptyHelp')}
            </Text>
            <ProblemAlert error={load.error} />
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => load.mutate()}
              loading={load.isPending}
            >
              {t('registry.processes.loadReference')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function ProcessesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/processes' });
  const navigate = useNavigate({ from: '/processes' });
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<ProcessesSearch>) =>
    void navigate({ search: (prev: ProcessesSearch) => ({ ...prev, ...patch }), replace: true });
  const tree = useProcessTree(!!search.archived);
  const { children, byId, pathOf } = tree;
  // Verksamhetstyper and verksamhetsområden open at first; the rest on demand.
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  const needle = text.trim().toLocaleLowerCase('sv-SE');
  const matching = new Set<string>();
  if (needle) {
    for (const node of byId.values())
      if (`${node.code} ${node.name}`.toLocaleLowerCase('sv-SE').includes(needle))
        for (const up of pathOf(node.id)) matching.add(up.id);
  }
  const context: TreeContext = {
    children,
    shown: (node) => !needle || matching.has(node.id),
    isOpen: (id) => {
      if (needle) return true;
      const set = toggled.get(id);
      if (set !== undefined) return set;
      const level = byId.get(id)?.level;
      return level === 'activityType';
    },
    toggle: (id) => setToggled((current) => new Map(current).set(id, !context.isOpen(id))),
  };
  const setAll = (open: boolean) => setToggled(new Map([...byId.values()].map((n) => [n.id, open] as const)));
  const empty = !tree.isPending && (tree.data?.items.length ?? 0) === 0 && !search.archived;

  return (
    <>
      <PageHeader
        title={t('registry.processes.title')}
        description={t('registry.processes.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.processes.title') }]}
        actions={
          <>
            <ExportMenu path="/api/v1/processes/export" params={{ includeArchived: search.archived }} />
            {tree.canManage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('registry.processes.newRoot')}
              </Button>
            )}
          </>
        }
      />
      {empty ? (
        <EmptyTree canManage={tree.canManage} />
      ) : (
        <>
          <FilterBar label={t('registry.processes.filters')}>
            <SearchField
              label={t('registry.processes.search')}
              placeholder={t('registry.processes.searchPlaceholder')}
              value={text}
              onChange={(value) => {
                setText(value);
                update({ q: value.trim() || undefined });
              }}
            />
            <Switch
              label={t('registry.processes.includeArchived')}
              checked={!!search.archived}
              onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
              mb={8}
            />
            <Group gap="xs" mb={2}>
              <Button variant="default" size="sm" onClick={() => setAll(true)} disabled={!!needle}>
                {t('registry.processes.expandAll')}
              </Button>
              <Button variant="default" size="sm" onClick={() => setAll(false)} disabled={!!needle}>
                {t('registry.processes.collapseAll')}
              </Button>
            </Group>
          </FilterBar>
          <Paper withBorder p="md">
            <ProblemAlert error={tree.error} />
            {tree.isPending ? (
              <Text c="dimmed">{t('common.loading')}</Text>
            ) : (
              <section aria-label={t('registry.processes.treeLabel')}>
                <TreeLevel parentId={null} depth={0} tree={context} />
                {(children.get(null) ?? []).filter(context.shown).length === 0 && (
                  <Text c="dimmed" size="sm">
                    {t('common.nothingFound')}
                  </Text>
                )}
              </section>
            )}
          </Paper>
        </>
      )}
      <ProcessFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        node={null}
        level="activityType"
      />
    </>
  );
}
