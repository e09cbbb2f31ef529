import { NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CapacityAnswer } from '../../../../shared/portfolio/demands.ts';
import { EditableRows } from '../../../platform/editable-rows.tsx';
import { PersonSelect } from '../../desk/inputs.tsx';

// The key roles' capacity (the portfolio's load view measures each project manager and procurement
// lead against it): the effort points anyone carries in a month, and a figure of their own for the
// people who differ (part time, a line role beside the projects).

interface Props {
  capacity: CapacityAnswer;
  onChange: (capacity: CapacityAnswer) => void;
  can: boolean;
  /** The save's error at a path under `capacity.` (see useErrorAt). */
  errorAt: (path: string) => string | undefined;
}

const points = (v: number | string, fallback: number) => (typeof v === 'number' ? v : fallback);

export function CapacitySettings({ capacity, onChange, can, errorAt }: Props) {
  const { t } = useTranslation();
  const s = (key: string) => t(`portfolio.demands.settings.${key}`);
  const rows = capacity.people;
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) =>
    onChange({ ...capacity, people: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {s('capacity')}
      </Title>
      <Stack gap="sm">
        <NumberInput
          label={s('capacityDefault')}
          description={s('capacityHelp')}
          value={capacity.default}
          onChange={(v) => onChange({ ...capacity, default: points(v, capacity.default) })}
          min={1}
          max={1000}
          allowDecimal={false}
          disabled={!can}
          w={320}
          error={errorAt('capacity.default')}
        />
        <Text fw={500} size="sm" id="capacity-people-label">
          {s('capacityPeople')}
        </Text>
        <EditableRows
          labelledBy="capacity-people-label"
          hideEmpty
          size="xs"
          columns={[s('person'), s('points')]}
          rows={rows}
          cells={(r, i) => [
            <PersonSelect
              key="person"
              aria-label={`${s('person')} ${i + 1}`}
              value={r.personId ? { id: r.personId, name: r.name } : null}
              onChange={(p) => setRow(i, { personId: p?.id ?? '', name: p?.name ?? '' })}
              error={errorAt(`capacity.people.${i}.personId`)}
              disabled={!can}
            />,
            <NumberInput
              key="points"
              aria-label={`${s('points')} ${i + 1}`}
              value={r.points}
              onChange={(v) => setRow(i, { points: points(v, 0) })}
              min={0}
              max={1000}
              allowDecimal={false}
              disabled={!can}
              w={120}
              error={errorAt(`capacity.people.${i}.points`)}
            />,
          ]}
          rowName={(r, i) => r.name || String(i + 1)}
          onRemove={(i) => onChange({ ...capacity, people: rows.filter((_, j) => j !== i) })}
          onAdd={() =>
            onChange({ ...capacity, people: [...rows, { personId: '', name: '', points: capacity.default }] })
          }
          addLabel={s('addCapacity')}
          can={can}
        />
      </Stack>
    </Paper>
  );
}
