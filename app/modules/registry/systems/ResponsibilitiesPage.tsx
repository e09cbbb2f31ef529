import { Badge, Select, Switch, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Responsibility,
  type SystemRoleKind,
  systemRoleKinds,
} from '../../../../shared/registry/systems.ts';
import { PersonLink, UnitLink, UnitSelect } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { roleKeys } from './api.ts';
import { PersonSelect } from './parts.tsx';
import type { ResponsibilitiesSearch } from './search.ts';

// "Systemansvar": who answers for which system, per person and per owning unit, or only the
// gaps (no active systemägare or förvaltare, or one who has left). Filters live in the URL.

export function ResponsibilitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/systems/responsibilities' });
  const navigate = useNavigate({ from: '/systems/responsibilities' });
  const update = (patch: Partial<ResponsibilitiesSearch>) =>
    void navigate({ search: (prev: ResponsibilitiesSearch) => ({ ...prev, ...patch }), replace: true });
  const list = useCursorList<Responsibility>(roleKeys.responsibilities, '/api/v1/system-roles', {
    personId: search.personId,
    unitId: search.unitId,
    kind: search.kind,
    gaps: search.gaps ? 'true' : undefined,
    limit: 100,
  });
  const kindName = (k: string) => t(`registry.systems.roles.kinds.${k}`);

  return (
    <>
      <PageHeader
        title={t('registry.systems.responsibilities.title')}
        description={t('registry.systems.responsibilities.description')}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.systems.title'), to: '/systems' },
          { label: t('registry.systems.responsibilities.title') },
        ]}
      />
      <FilterBar label={t('registry.systems.responsibilities.filters')}>
        <PersonSelect
          label={t('registry.systems.personFilter')}
          placeholder={t('registry.systems.anyone')}
          value={search.personId ?? null}
          onChange={(v) => update({ personId: v ?? undefined })}
        />
        <UnitSelect
          label={t('registry.systems.responsibilities.unit')}
          placeholder={t('registry.systems.anyUnit')}
          value={search.unitId ?? null}
          onChange={(v) => update({ unitId: v ?? undefined })}
          w={260}
        />
        <Select
          label={t('registry.systems.roles.kind')}
          placeholder={t('registry.systems.responsibilities.allKinds')}
          data={systemRoleKinds.map((k) => ({ value: k, label: kindName(k) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as SystemRoleKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
        <Switch
          label={t('registry.systems.responsibilities.onlyGaps')}
          checked={!!search.gaps}
          onChange={(e) => update({ gaps: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.systems.responsibilities.caption')}
        colSpan={5}
        minWidth={760}
        emptyText={
          search.gaps
            ? t('registry.systems.responsibilities.noGaps')
            : t('registry.systems.responsibilities.none')
        }
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('registry.systems.responsibilities.system')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.owningUnitId')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.roles.kind')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.responsibilities.holder')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.roles.period')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((r) => (
          <Table.Tr
            key={`${r.systemId}-${r.kind}-${r.roleId ?? 'gap'}`}
            bg={r.gap ? 'var(--mantine-color-orange-light)' : undefined}
          >
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: r.systemId }} size="sm" fw={500}>
                {r.systemName}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <UnitLink id={r.owningUnitId} />
            </Table.Td>
            <Table.Td>{kindName(r.kind)}</Table.Td>
            <Table.Td>
              {r.personId ? (
                <>
                  <PersonLink id={r.personId} name={r.personName ?? undefined} />
                  {r.personArchived && (
                    <Badge
                      color="orange"
                      variant="light"
                      ml={6}
                      styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
                    >
                      {t('registry.systems.roles.hasLeft')}
                    </Badge>
                  )}
                </>
              ) : (
                <Text span size="sm" fw={600} c="orange.9">
                  {t('registry.systems.responsibilities.missing')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {r.validFrom ? (
                <>
                  {f.date(r.validFrom)} –{' '}
                  {r.validTo ? f.date(r.validTo) : t('registry.systems.roles.untilFurther')}
                </>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}
