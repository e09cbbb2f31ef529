import { Checkbox, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DemandScope, demandScopes, type RoutingRules } from '../../../../shared/portfolio/demands.ts';
import { EditableRows } from '../../../platform/editable-rows.tsx';
import { PickOne, useOptions } from './parts.tsx';

// The decision routing's rules (seed 003), edited in place on the settings page: who decides
// shared and business demands, each förvaltning's own management group for local demands, the cost
// limit above which another body decides, and which scopes must be anchored first.

interface Props {
  routing: RoutingRules;
  onChange: (routing: RoutingRules) => void;
  threshold: number | string;
  onThreshold: (kr: number | string) => void;
  can: boolean;
  /** The save's error at a path under `routing.` (see useErrorAt). */
  errorAt: (path: string) => string | undefined;
}

export function RoutingSettings(props: Props) {
  const { routing, onChange, threshold, onThreshold, can, errorAt } = props;
  const { t } = useTranslation();
  const s = (key: string) => t(`portfolio.demands.settings.${key}`);
  const rule = (key: 'shared' | 'business') => (
    <PickOne
      label={s(key)}
      path="/api/v1/forums"
      value={routing[key].forumId}
      onChange={(forumId) => onChange({ ...routing, [key]: { forumId, body: null } })}
      description={s('defaultForum')}
      error={errorAt(`routing.${key}.forumId`)}
      disabled={!can}
    />
  );
  const scopes = (key: 'preparationAgenda' | 'procurementAndIt') => (
    <Checkbox.Group
      label={s(key)}
      value={routing[key]}
      onChange={(v) => onChange({ ...routing, [key]: v as DemandScope[] })}
      error={errorAt(`routing.${key}`)}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
        {demandScopes.map((scope) => (
          <Checkbox key={scope} value={scope} label={t(`portfolio.demands.scope.${scope}`)} disabled={!can} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );

  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {s('routing')}
      </Title>
      <Stack gap="sm">
        {rule('shared')}
        {rule('business')}
        <UnitBodies {...props} />
        <NumberInput
          label={s('costThreshold')}
          value={threshold}
          onChange={onThreshold}
          min={0}
          thousandSeparator=" "
          disabled={!can}
          error={errorAt('routing.costThreshold')}
        />
        <TextInput
          label={s('costBody')}
          value={routing.costBody ?? ''}
          onChange={(e) => onChange({ ...routing, costBody: e.currentTarget.value || null })}
          disabled={!can}
          maxLength={120}
          error={errorAt('routing.costBody')}
        />
        {scopes('preparationAgenda')}
        {scopes('procurementAndIt')}
      </Stack>
    </Paper>
  );
}

/** Local demands go to the förvaltning's management group: one row per unit and its forum. A unit
 *  without a row uses the nearest unit above it that has one (the server walks the tree). */
function UnitBodies({ routing, onChange, can, errorAt }: Props) {
  const { t } = useTranslation();
  const s = (key: string) => t(`portfolio.demands.settings.${key}`);
  const units = useOptions('/api/v1/units');
  const unitName = (id: string) => units.find((u) => u.value === id)?.label ?? '';
  const rows = routing.unitBodies;
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) =>
    onChange({ ...routing, unitBodies: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <Stack gap={4}>
      <Text fw={500} size="sm" id="unit-bodies-label">
        {s('unitBodies')}
      </Text>
      <Text size="xs" c="dimmed">
        {s('unitBodiesHelp')}
      </Text>
      <EditableRows
        labelledBy="unit-bodies-label"
        hideEmpty
        size="xs"
        columns={[s('unit'), s('unitForum')]}
        rows={rows}
        cells={(r, i) => [
          <PickOne
            key="unit"
            label={`${s('unit')} ${i + 1}`}
            path="/api/v1/units"
            value={r.unitId || null}
            onChange={(unitId) => setRow(i, { unitId: unitId ?? '' })}
            error={errorAt(`routing.unitBodies.${i}.unitId`)}
            hideLabel
            disabled={!can}
          />,
          <PickOne
            key="forum"
            label={`${s('unitForum')} ${i + 1}`}
            path="/api/v1/forums"
            value={r.forumId || null}
            onChange={(forumId) => setRow(i, { forumId: forumId ?? '' })}
            error={errorAt(`routing.unitBodies.${i}.forumId`)}
            hideLabel
            disabled={!can}
          />,
        ]}
        rowName={(r, i) => unitName(r.unitId) || String(i + 1)}
        onRemove={(i) => onChange({ ...routing, unitBodies: rows.filter((_, j) => j !== i) })}
        onAdd={() => onChange({ ...routing, unitBodies: [...rows, { unitId: '', forumId: '' }] })}
        addLabel={s('addUnitBody')}
        can={can}
      />
    </Stack>
  );
}
