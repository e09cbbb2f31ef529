import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type DemandScope, demandScopes, type RoutingRules } from '../../../../shared/portfolio/demands.ts';
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
      {rows.length > 0 && (
        <Table aria-labelledby="unit-bodies-label">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{s('unit')}</Table.Th>
              <Table.Th scope="col">{s('unitForum')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{s('remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and may repeat a unit while typed
              <Table.Tr key={i}>
                <Table.Td>
                  <PickOne
                    label={`${s('unit')} ${i + 1}`}
                    path="/api/v1/units"
                    value={r.unitId || null}
                    onChange={(unitId) => setRow(i, { unitId: unitId ?? '' })}
                    error={errorAt(`routing.unitBodies.${i}.unitId`)}
                    hideLabel
                    disabled={!can}
                  />
                </Table.Td>
                <Table.Td>
                  <PickOne
                    label={`${s('unitForum')} ${i + 1}`}
                    path="/api/v1/forums"
                    value={r.forumId || null}
                    onChange={(forumId) => setRow(i, { forumId: forumId ?? '' })}
                    error={errorAt(`routing.unitBodies.${i}.forumId`)}
                    hideLabel
                    disabled={!can}
                  />
                </Table.Td>
                <Table.Td>
                  {can && (
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      aria-label={`${s('remove')} ${unitName(r.unitId) || i + 1}`}
                      onClick={() => onChange({ ...routing, unitBodies: rows.filter((_, j) => j !== i) })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onChange({ ...routing, unitBodies: [...rows, { unitId: '', forumId: '' }] })}
          >
            {s('addUnitBody')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
