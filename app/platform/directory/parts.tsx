import { Badge, Group, Select, type SelectProps, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Unit, UnitKind } from '../../../shared/directory.ts';
import { StatusBadge } from '../badges.tsx';
import { RouterAnchor } from '../links.tsx';
import { EmptyValue } from '../page.tsx';
import { usePerson, useUnitIndex } from './api.ts';

// Small pieces the directory pages share: names for ids, kind and status badges, the unit picker.

const kindColors: Record<UnitKind, string> = {
  department: 'sea',
  office: 'cyan',
  subunit: 'gray',
  company: 'grape',
  partner: 'orange',
};

export function UnitKindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={kindColors[kind]}
      variant="light"
      miw="fit-content"
      styles={{
        root: { textTransform: 'none', fontWeight: 600 },
        label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' },
      }}
    >
      {t(`unitKind.${kind}`)}
    </Badge>
  );
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="neutral">{t('common.archived')}</StatusBadge>;
}

export function PersonStatusBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.archivedAt) return <ArchivedBadge />;
  return (
    <StatusBadge tone={person.active ? 'positive' : 'warning'}>
      {person.active ? t('common.active') : t('common.inactive')}
    </StatusBadge>
  );
}

/** A link to a unit by id, named from the unit index. */
export function UnitLink({ id, withPath = false }: { id: string | null | undefined; withPath?: boolean }) {
  const { byId, pathOf } = useUnitIndex();
  if (!id) return <EmptyValue />;
  const unit = byId.get(id);
  if (!unit)
    return (
      <Text span size="sm" c="dimmed">
        …
      </Text>
    );
  const label = withPath
    ? pathOf(id)
        .map((u) => u.name)
        .join(' › ')
    : unit.name;
  return (
    <RouterAnchor to="/units/$unitId" params={{ unitId: id }} size="sm">
      {label}
    </RouterAnchor>
  );
}

/** A link to a person by id (fetched once, then cached). */
export function PersonLink({ id, name }: { id: string | null | undefined; name?: string }) {
  const person = usePerson(name ? null : id);
  if (!id)
    return name ? (
      <Text span size="sm">
        {name}
      </Text>
    ) : (
      <EmptyValue />
    );
  return (
    <RouterAnchor to="/people/$personId" params={{ personId: id }} size="sm">
      {name ?? person.data?.name ?? '…'}
    </RouterAnchor>
  );
}

interface UnitSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Units that may not be chosen (a unit and its subtree when moving it). */
  exclude?: Set<string>;
}

/** Choose an active unit; each option shows its place in the tree. */
export function UnitSelect({ value, onChange, exclude, ...props }: UnitSelectProps) {
  const { t } = useTranslation();
  const { units, pathOf, isPending } = useUnitIndex();
  const data = units
    .filter((u) => !u.archivedAt && !exclude?.has(u.id))
    .map((u) => ({
      value: u.id,
      label: pathOf(u.id)
        .map((p: Unit) => p.name)
        .join(' › '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

export function Path({ id }: { id: string | null }) {
  const { pathOf } = useUnitIndex();
  if (!id) return <EmptyValue />;
  const path = pathOf(id);
  return (
    <Group gap={4} wrap="wrap">
      {path.map((u, i) => (
        <Group key={u.id} gap={4} wrap="nowrap">
          {i > 0 && (
            <Text span c="dimmed" size="sm" aria-hidden>
              ›
            </Text>
          )}
          <RouterAnchor to="/units/$unitId" params={{ unitId: u.id }} size="sm">
            {u.name}
          </RouterAnchor>
        </Group>
      ))}
    </Group>
  );
}
