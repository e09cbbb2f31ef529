import { Button, Group, Select, Table, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type KonteringCode,
  type KonteringDimension,
  konteringDimensions,
  type UnitKontering,
} from '../../../../shared/catalogue/orders.ts';
import { api, type Page } from '../../../platform/api.ts';
import { useAuth } from '../../../platform/auth.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { FileImportDialog } from '../../../platform/import-dialog.tsx';
import { ExportMenu, FilterBar } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useCatalogueInvalidate } from '../api.ts';

// A unit's kontering codes per dimension (Kommun-Bas): what its orders may be konterade on. The
// unit's own cost centre is always allowed; its ekonom (or an admin) adds and withdraws codes, or
// imports the units' codes from the finance system's list (CSV or XLSX) and exports them.

/**
 * Whether the signed-in person may keep codes somewhere (an ekonom in any scope, or an admin), as
 * cataloguePolicy.attestSomewhere says: only to show the import; the server checks every row's unit.
 */
function useKeepsCodes(): boolean {
  const { me } = useAuth();
  return !!me?.grants.some((g) => g.role === 'economist' || (g.role === 'admin' && g.scope === 'global'));
}

export function KonteringPage() {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.kontering.${key}`);
  const d = (key: string) => t(`catalogue.orders.kontering.${key}`);
  const invalidate = useCatalogueInvalidate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const keepsCodes = useKeepsCodes();
  const unit = useQuery({
    queryKey: ['catalogue', 'kontering', unitId],
    queryFn: ({ signal }) =>
      api.get<UnitKontering>(`/api/v1/catalogue/kontering-units/${unitId}`, { signal }),
    enabled: unitId !== null,
  });
  const codes = useQuery({
    queryKey: ['catalogue', 'kontering-codes', unitId],
    queryFn: ({ signal }) =>
      api.get<Page<KonteringCode>>(`/api/v1/catalogue/kontering-codes?unitId=${unitId}&limit=200`, {
        signal,
      }),
    enabled: unitId !== null,
  });
  const [dimension, setDimension] = useState<KonteringDimension>('account');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api.post('/api/v1/catalogue/kontering-codes', { unitId, dimension, code, name }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      setCode('');
      setName('');
    },
  });
  const withdraw = useMutation({
    mutationFn: (c: KonteringCode) =>
      api.post(`/api/v1/catalogue/kontering-codes/${c.id}/archive`, {
        version: c.version,
        reason: m('withdrawn'),
      }),
    onSuccess: () => invalidate(),
  });
  const errors = useFieldErrors(add.error);
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Group gap="xs">
            {keepsCodes && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {m('import')}
              </Button>
            )}
            <ExportMenu
              path="/api/v1/catalogue/kontering-codes/export"
              params={{ unitId: unitId ?? undefined }}
            />
          </Group>
        }
      />
      <FilterBar label={m('filters')}>
        <UnitSelect label={m('unit')} value={unitId} onChange={setUnitId} w={360} />
      </FilterBar>
      {unit.data && (
        <Section title={unit.data.unit.name} id="kontering-codes">
          <ProblemAlert error={withdraw.error} />
          <DataTable
            caption={m('caption')}
            colSpan={4}
            empty={(codes.data?.items.length ?? 0) === 0 && !unit.data.unit.costCentre}
            emptyText={m('none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{m('dimension')}</Table.Th>
                <Table.Th scope="col">{m('code')}</Table.Th>
                <Table.Th scope="col">{m('name')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            }
          >
            {unit.data.unit.costCentre && (
              <Table.Tr>
                <Table.Td>{d('costCentre')}</Table.Td>
                <Table.Td>{unit.data.unit.costCentre}</Table.Td>
                <Table.Td>{m('own')}</Table.Td>
                <Table.Td>
                  <EmptyValue />
                </Table.Td>
              </Table.Tr>
            )}
            {(codes.data?.items ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{d(c.dimension)}</Table.Td>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  {c.can.archive ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => withdraw.mutate(c)}
                      aria-label={`${m('withdraw')}: ${c.code}`}
                    >
                      {m('withdraw')}
                    </Button>
                  ) : (
                    <EmptyValue />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {unit.data.can.manage && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                add.mutate();
              }}
            >
              <ProblemAlert error={add.error} fields={['dimension', 'code', 'name']} />
              <Group align="flex-end" mt="md">
                <Select
                  label={m('dimension')}
                  data={konteringDimensions.map((x) => ({ value: x, label: d(x) }))}
                  value={dimension}
                  onChange={(v) => setDimension((v as KonteringDimension | null) ?? 'account')}
                  allowDeselect={false}
                  error={errors.dimension}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={m('code')}
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={errors.code}
                />
                <TextInput
                  label={m('name')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                />
                <Button type="submit" loading={add.isPending}>
                  {m('add')}
                </Button>
              </Group>
            </form>
          )}
        </Section>
      )}
      <FileImportDialog<{ created: number; updated: number; unchanged: number; dryRun: boolean }>
        opened={importing}
        onClose={() => setImporting(false)}
        path="/api/v1/catalogue/kontering-codes/import"
        title={m('importTitle')}
        help={m('importHelp')}
        summary={(r) =>
          t('catalogue.kontering.importSummary', {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
          })
        }
        columnLabel={(field) => t(`catalogue.kontering.column.${field}`, { defaultValue: field })}
        invalidate={invalidate}
      />
    </>
  );
}
