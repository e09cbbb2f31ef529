import '@xyflow/react/dist/style.css';
import { Alert, Box, Button, Center, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapEdge, MapNode, SystemMapQuery } from '../../../../shared/registry/integrations.ts';
import {
  type Criticality,
  criticalities,
  type LifecyclePhase,
  lifecyclePhases,
  type SystemScope,
  systemScopes,
} from '../../../../shared/registry/systems.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { Loading } from '../../../platform/Loading.tsx';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { FilterBar } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useProcessTree } from '../processes/api.ts';
import { useImpact, useSystemMap } from './api.ts';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH } from './layout.ts';

// The system map: every live system that passes the filters and the integrations between them,
// laid out deterministically in the browser (./layout.ts), with pan, zoom, controls and a
// minimap. Choosing a system (click, or Tab to it and Enter) offers to open it or to show its
// impact, which highlights the systems the API's impact analysis names. At 500 systems only what
// is in view is rendered, nodes are small and edges straight; the same nodes and edges are
// available as tables for those who do not use the graph.

/** Up to this many systems the map opens showing all of them. */
const READABLE_WHOLE = 150;

type NodeState = 'normal' | 'source' | 'hit' | 'dim';
type SystemNodeData = { node: MapNode; state: NodeState };
type LabelNodeData = { text: string };

const stateStyles: Record<NodeState, { background: string; border: string; color: string }> = {
  normal: { background: '#ffffff', border: '1px solid #5c6770', color: '#1a1b1e' },
  source: { background: '#1864ab', border: '2px solid #0b3d6e', color: '#ffffff' },
  hit: { background: '#ffe8cc', border: '2px solid #d9480f', color: '#1a1b1e' },
  dim: { background: '#f1f3f5', border: '1px solid #adb5bd', color: '#495057' },
};

const handleStyle = { opacity: 0, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

const SystemNode = memo(function SystemNode({ data }: NodeProps<Node<SystemNodeData>>) {
  const style = stateStyles[data.state];
  return (
    <div
      style={{
        ...style,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        borderRadius: 4,
        fontSize: 11,
        lineHeight: `${NODE_HEIGHT - 4}px`,
        padding: '0 6px',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        textOverflow: 'ellipsis',
        borderLeftWidth: 4,
        borderLeftColor:
          data.node.phase === 'phaseOut' ? '#e8590c' : data.node.scope === 'shared' ? '#0b7285' : style.color,
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={handleStyle} />
      {data.node.shortName ? `${data.node.name} (${data.node.shortName})` : data.node.name}
      <Handle type="source" position={Position.Right} isConnectable={false} style={handleStyle} />
    </div>
  );
});

const LabelNode = memo(function LabelNode({ data }: NodeProps<Node<LabelNodeData>>) {
  return (
    <div
      style={{
        fontSize: 13,
        fontWeight: 700,
        color: '#1a1b1e',
        width: NODE_WIDTH + 30,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      }}
      title={data.text}
    >
      {data.text}
    </div>
  );
});

const nodeTypes = { system: SystemNode, label: LabelNode };

export function SystemMapPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/systems/map' });
  const navigate = useNavigate({ from: '/systems/map' });
  const update = (patch: Partial<SystemMapQuery>) =>
    void navigate({ search: (prev: SystemMapQuery) => ({ ...prev, ...patch }), replace: true });
  const map = useSystemMap(search);
  // Every node of the KLASSA tree, in code order: a system on the map of a process is also on the
  // map of each node above it.
  const tree = useProcessTree();
  const processOptions = (tree.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  const [selected, setSelected] = useState<string | null>(null);
  const [impactOf, setImpactOf] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const impact = useImpact(impactOf);

  const data = map.data;
  const byId = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const layout = useMemo(() => layoutMap(data?.nodes ?? []), [data]);
  const hits = useMemo(
    () => (impactOf && impact.data ? new Map(impact.data.systems.map((s) => [s.id, s.distance])) : null),
    [impactOf, impact.data],
  );

  const nodes = useMemo<Node[]>(() => {
    const stateOf = (id: string): NodeState =>
      !hits ? 'normal' : id === impactOf ? 'source' : hits.has(id) ? 'hit' : 'dim';
    const systemNodes: Node<SystemNodeData>[] = layout.placed.map((p) => {
      const node = byId.get(p.id)!;
      return {
        id: p.id,
        type: 'system',
        position: { x: p.x, y: p.y },
        data: { node, state: stateOf(p.id) },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        selected: p.id === selected,
        ariaLabel: t('registry.integrations.map.nodeLabel', {
          name: node.name,
          scope: t(`registry.systems.scope.${node.scope}`),
          phase: t(`registry.systems.phase.${node.phase}`),
        }),
      };
    });
    const labelNodes: Node<LabelNodeData>[] = layout.labels.map((l) => ({
      id: `label:${l.key}`,
      type: 'label',
      position: { x: l.x, y: l.y },
      data: {
        text: `${t(`registry.systems.scope.${l.scope}`)} · ${l.category ?? t('registry.integrations.map.uncategorized')}`,
      },
      selectable: false,
      focusable: false,
      draggable: false,
      width: NODE_WIDTH,
      height: 20,
    }));
    return [...labelNodes, ...systemNodes];
  }, [layout, byId, hits, impactOf, selected, t]);

  const edges = useMemo<Edge[]>(() => {
    const lit = (id: string) => id === impactOf || hits?.has(id);
    return (data?.edges ?? []).map((e) => {
      const on = hits
        ? lit(e.fromSystemId) && (hits.has(e.toSystemId) || (e.direction === 'bothWays' && lit(e.toSystemId)))
        : false;
      const color = on ? '#d9480f' : hits ? '#dee2e6' : '#868e96';
      return {
        id: e.id,
        source: e.fromSystemId,
        target: e.toSystemId,
        type: 'straight',
        focusable: false,
        selectable: false,
        ariaLabel: `${byId.get(e.fromSystemId)?.name} → ${byId.get(e.toSystemId)?.name}: ${e.information}`,
        style: { stroke: color, strokeWidth: on ? 2 : 1 },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 12, height: 12 },
        markerStart:
          e.direction === 'bothWays'
            ? { type: MarkerType.ArrowClosed, color, width: 12, height: 12 }
            : undefined,
      };
    });
  }, [data, byId, hits, impactOf]);

  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('registry.integrations.map.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('registry.integrations.map.a11y.node'),
      'edge.a11yDescription.default': t('registry.integrations.map.a11y.edge'),
      'controls.ariaLabel': t('registry.integrations.map.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('registry.integrations.map.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('registry.integrations.map.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('registry.integrations.map.a11y.fitView'),
      'controls.interactive.ariaLabel': t('registry.integrations.map.a11y.interactive'),
      'minimap.ariaLabel': t('registry.integrations.map.a11y.minimap'),
      'handle.ariaLabel': t('registry.integrations.map.a11y.handle'),
    }),
    [t],
  );

  const chosen = selected ? byId.get(selected) : undefined;
  const impactName = impactOf ? byId.get(impactOf)?.name : undefined;

  return (
    <>
      <PageHeader
        title={t('registry.integrations.map.title')}
        description={t('registry.integrations.map.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.integrations.map.title') }]}
      />
      <FilterBar label={t('registry.integrations.map.filters')}>
        <UnitSelect
          label={t('registry.integrations.map.unit')}
          placeholder={t('registry.integrations.map.allUnits')}
          value={search.unitId ?? null}
          onChange={(v) => update({ unitId: v ?? undefined })}
          w={280}
        />
        <Select
          label={t('registry.systems.field.scope')}
          placeholder={t('registry.systems.allScopes')}
          data={systemScopes.map((s) => ({ value: s, label: t(`registry.systems.scope.${s}`) }))}
          value={search.scope ?? null}
          onChange={(v) => update({ scope: (v as SystemScope) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
        />
        <Select
          label={t('registry.systems.field.phase')}
          placeholder={t('registry.systems.allPhases')}
          data={lifecyclePhases.map((p) => ({ value: p, label: t(`registry.systems.phase.${p}`) }))}
          value={search.phase ?? null}
          onChange={(v) => update({ phase: (v as LifecyclePhase) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
        />
        <Select
          label={t('registry.systems.field.criticality')}
          placeholder={t('registry.integrations.map.allCriticalities')}
          data={criticalities.map((c) => ({ value: c, label: t(`registry.systems.criticality.${c}`) }))}
          value={search.criticality ?? null}
          onChange={(v) => update({ criticality: (v as Criticality) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
        />
        <Select
          label={t('registry.integrations.map.process')}
          placeholder={t('registry.integrations.map.allProcesses')}
          data={processOptions}
          value={search.processId ?? null}
          onChange={(v) => update({ processId: v ?? undefined })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('common.nothingFound')}
          w={320}
        />
      </FilterBar>
      {map.error ? <ProblemAlert error={map.error} /> : null}
      <Paper withBorder p="sm" mb="md" aria-live="polite">
        {chosen ? (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {t('registry.integrations.map.selected')}: <strong>{chosen.name}</strong>
            </Text>
            <Group gap="xs">
              <RouterButton
                size="xs"
                variant="default"
                to="/systems/$systemId"
                params={{ systemId: chosen.id }}
              >
                {t('registry.integrations.map.open', { name: chosen.name })}
              </RouterButton>
              {impactOf === chosen.id ? (
                <Button size="xs" variant="default" onClick={() => setImpactOf(null)}>
                  {t('registry.integrations.map.clearImpact')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  onClick={() => setImpactOf(chosen.id)}
                  loading={impactOf === chosen.id && impact.isPending}
                >
                  {t('registry.integrations.map.showImpact')}
                </Button>
              )}
            </Group>
          </Group>
        ) : (
          <Text size="sm">{t('registry.integrations.map.selectHint')}</Text>
        )}
        {impactOf && impact.data && (
          <Text size="sm" mt={4}>
            {t('registry.integrations.map.impactOf', {
              name: impactName ?? '',
              count: impact.data.systems.length,
            })}
          </Text>
        )}
        {impact.error ? <ProblemAlert error={impact.error} /> : null}
      </Paper>
      <Box
        h="70vh"
        mih={420}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
        aria-label={t('registry.integrations.map.graphLabel', {
          nodes: data?.nodes.length ?? 0,
          edges: data?.edges.length ?? 0,
        })}
        role="region"
        data-testid="system-map"
      >
        {!data ? (
          <Center h="100%">{map.isPending ? <Loading /> : null}</Center>
        ) : data.nodes.length === 0 ? (
          <Center h="100%">
            <Alert color="gray">{t('registry.integrations.map.empty')}</Alert>
          </Center>
        ) : (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onlyRenderVisibleElements
            nodesDraggable={false}
            nodesConnectable={false}
            edgesFocusable={false}
            elementsSelectable
            minZoom={0.1}
            maxZoom={2}
            // A small map fits the view; a large one opens at a zoom where names can be read (only
            // what is in view is then rendered), and the controls and minimap show the whole.
            fitView={data.nodes.length <= READABLE_WHOLE}
            fitViewOptions={{ padding: 0.05 }}
            defaultViewport={{ x: 16, y: 16, zoom: 0.8 }}
            // The nodes are controlled: a click, or Enter on a focused node, arrives as a select
            // change, and the chosen system is kept here (and given back as `selected`).
            onNodesChange={(changes) => {
              for (const change of changes)
                if (change.type === 'select' && change.selected && !change.id.startsWith('label:'))
                  setSelected(change.id);
            }}
            onNodeDoubleClick={(_e, node) => {
              if (node.type === 'system')
                void navigate({ to: '/systems/$systemId', params: { systemId: node.id } });
            }}
            ariaLabelConfig={ariaLabels}
            deleteKeyCode={null}
          >
            <Background gap={24} />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable nodeColor={(n) => (n.type === 'label' ? 'transparent' : '#adb5bd')} />
          </ReactFlow>
        )}
      </Box>
      <Group mt="md">
        <Button
          variant="default"
          leftSection={<IconTable size={16} aria-hidden />}
          onClick={() => setShowTable((v) => !v)}
          aria-expanded={showTable}
          aria-controls="system-map-tables"
        >
          {t('registry.integrations.map.tableTitle')}
        </Button>
      </Group>
      {showTable && data && (
        <MapTables
          id="system-map-tables"
          nodes={data.nodes}
          edges={data.edges}
          hits={hits}
          onImpact={setImpactOf}
        />
      )}
    </>
  );
}

function MapTables({
  id,
  nodes,
  edges,
  hits,
  onImpact,
}: {
  id: string;
  nodes: MapNode[];
  edges: MapEdge[];
  hits: Map<string, number> | null;
  onImpact: (id: string) => void;
}) {
  const { t } = useTranslation();
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const counts = new Map<string, { sends: number; receives: number }>();
  for (const e of edges) {
    for (const [key, id] of [
      ['sends', e.fromSystemId],
      ['receives', e.toSystemId],
    ] as const) {
      const c = counts.get(id) ?? { sends: 0, receives: 0 };
      c[key] += 1;
      counts.set(id, c);
    }
  }
  return (
    <Stack id={id} gap="md" mt="md">
      <Title order={2} size="h4">
        {t('registry.integrations.map.tableTitle')}
      </Title>
      <Paper withBorder>
        <DataTable
          caption={t('registry.integrations.map.nodesCaption')}
          showCaption
          colSpan={6}
          minWidth={760}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('registry.systems.field.name')}</Table.Th>
              <Table.Th scope="col">{t('registry.systems.field.scope')}</Table.Th>
              <Table.Th scope="col">{t('registry.systems.field.phase')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.section.outgoing')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.section.incoming')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.map.affected')}</Table.Th>
            </Table.Tr>
          }
        >
          {nodes.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <RouterAnchor to="/systems/$systemId" params={{ systemId: n.id }} size="sm">
                  {n.name}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>{t(`registry.systems.scope.${n.scope}`)}</Table.Td>
              <Table.Td>{t(`registry.systems.phase.${n.phase}`)}</Table.Td>
              <Table.Td>{counts.get(n.id)?.sends ?? 0}</Table.Td>
              <Table.Td>{counts.get(n.id)?.receives ?? 0}</Table.Td>
              <Table.Td>
                {hits?.has(n.id) ? (
                  t('registry.integrations.impact.steps', { count: hits.get(n.id) })
                ) : (
                  <Button size="compact-xs" variant="subtle" onClick={() => onImpact(n.id)}>
                    {t('registry.integrations.map.showImpactOf', { name: n.name })}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
      <Paper withBorder>
        <DataTable
          caption={t('registry.integrations.map.edgesCaption')}
          showCaption
          colSpan={4}
          minWidth={760}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('registry.integrations.field.fromSystemId')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.field.toSystemId')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.field.information')}</Table.Th>
              <Table.Th scope="col">{t('registry.integrations.field.technique')}</Table.Th>
            </Table.Tr>
          }
        >
          {edges.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{names.get(e.fromSystemId)}</Table.Td>
              <Table.Td>{names.get(e.toSystemId)}</Table.Td>
              <Table.Td>
                {e.information}
                {e.direction === 'bothWays' ? ` (${t('registry.integrations.direction.bothWays')})` : ''}
              </Table.Td>
              <Table.Td>{t(`registry.integrations.technique.${e.technique}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
    </Stack>
  );
}
