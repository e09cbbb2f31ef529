import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Allocation,
  type AllocationKey,
  type AllocationSpread,
  allocationKeys,
  allocationSpreads,
} from '../../../../shared/catalogue/allocations.ts';
import type { UnitBillingList } from '../../../../shared/catalogue/billing.ts';
import type { Offering } from '../../../../shared/catalogue/offerings.ts';
import { api, type Page } from '../../../platform/api.ts';
import { ArchiveDialog, FormDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { catalogueKeys, toOre, useCatalogueInvalidate } from '../api.ts';

// Allocation keys (fördelningsnycklar): the IT unit's shared monthly costs and how each month's
// run spreads them over the units in billing mode — by users, by computers or by fixed shares,
// over every unit or a chosen list. The catalogue's keepers add, change, archive and restore them.

const PATH = '/api/v1/catalogue/allocations';
const allocationsKey = [...catalogueKeys.all, 'allocations'] as const;

interface UnitOption {
  id: string;
  name: string;
}

function useUnits() {
  return useQuery({
    queryKey: ['catalogue', 'allocations', 'units'],
    queryFn: () => api.get<Page<UnitOption>>('/api/v1/units?limit=200'),
    staleTime: 60_000,
  });
}

export function AllocationsPage() {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.allocations.${key}`, o);
  const f = useFormat();
  const invalidate = useCatalogueInvalidate();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Allocation | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Allocation | null>(null);
  const list = useQuery({
    queryKey: [...allocationsKey, showArchived],
    queryFn: () =>
      api.get<Page<Allocation>>(`${PATH}?limit=200${showArchived ? '&includeArchived=true' : ''}`),
  });
  // The keepers of the catalogue are those who may switch units' billing (one policy, cataloguePolicy.manage).
  const keeper = useQuery({
    queryKey: ['catalogue', 'billing', 'can'],
    queryFn: () => api.get<UnitBillingList>('/api/v1/catalogue/billing-units?limit=1'),
  });
  const canCreate = keeper.data?.can.switch === true;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {m('new')}
            </Button>
          )
        }
      />
      <Group mb="sm">
        <Button variant="subtle" size="compact-sm" onClick={() => setShowArchived((v) => !v)}>
          {showArchived ? m('hideArchived') : m('showArchived')}
        </Button>
      </Group>
      <DataTable
        caption={m('caption')}
        colSpan={6}
        loading={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('field.name')}</Table.Th>
            <Table.Th scope="col">{m('field.key')}</Table.Th>
            <Table.Th scope="col">{m('field.spread')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {m('field.amount')}
            </Table.Th>
            <Table.Th scope="col">{m('bookedOn')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
      >
        {items.map((a) => (
          <Row
            key={a.id}
            allocation={a}
            onEdit={() => setEditing(a)}
            onArchive={() => setArchiving(a)}
            invalidate={invalidate}
            sek={f.sek}
          />
        ))}
      </DataTable>
      <AllocationDialog
        allocation={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      {archiving && (
        <ArchiveDialog
          opened
          onClose={() => setArchiving(null)}
          title={m('archiveTitle', { name: archiving.name })}
          help={m('archiveHelp')}
          path={`${PATH}/${archiving.id}`}
          version={archiving.version}
          onReload={() => list.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

function Row({
  allocation: a,
  onEdit,
  onArchive,
  invalidate,
  sek,
}: {
  allocation: Allocation;
  onEdit: () => void;
  onArchive: () => void;
  invalidate: () => Promise<unknown>;
  sek: (ore: number) => string;
}) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.allocations.${key}`, o);
  const restore = useRestore(`${PATH}/${a.id}`, a.version, invalidate);
  return (
    <Table.Tr>
      <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
        <Text fw={600} size="sm">
          {a.name}{' '}
          {a.archivedAt && (
            <Badge size="xs" color="gray" variant="light">
              {t('common.archived')}
            </Badge>
          )}
        </Text>
        {a.description && (
          <Text size="xs" c="dimmed" fw={400}>
            {a.description}
          </Text>
        )}
      </Table.Th>
      <Table.Td>
        {m(`key.${a.key}`)}
        {a.key === 'fixed' && (
          <Text size="xs" c="dimmed">
            {a.shares.map((s) => `${s.unitName} ${s.weight}`).join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{a.spread === 'all' ? m('spread.all') : a.units.map((u) => u.name).join(', ')}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {m('perMonth', { amount: sek(a.amount) })}
      </Table.Td>
      <Table.Td>
        {[a.offering?.name, a.account ? m('account', { account: a.account }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {a.can.update && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={onEdit}
              aria-label={m('editLabel', { name: a.name })}
            >
              {t('common.edit')}
            </Button>
          )}
          {a.can.archive && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={onArchive}
              aria-label={m('archiveLabel', { name: a.name })}
            >
              {t('common.archive')}
            </Button>
          )}
          {a.can.restore && (
            <Button
              size="compact-sm"
              variant="default"
              loading={restore.isPending}
              onClick={() => restore.mutate()}
              aria-label={m('restoreLabel', { name: a.name })}
            >
              {t('common.restore')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

interface ShareRow {
  unitId: string | null;
  weight: number | string;
}

function AllocationDialog({
  allocation,
  opened,
  onClose,
}: {
  allocation: Allocation | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.allocations.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const units = useUnits();
  const offerings = useQuery({
    queryKey: [...catalogueKeys.offerings, 'allocations'],
    queryFn: () => api.get<Page<Offering>>('/api/v1/catalogue/offerings?limit=200'),
    enabled: opened,
  });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [offeringId, setOfferingId] = useState<string | null>(null);
  const [account, setAccount] = useState('');
  const [key, setKey] = useState<AllocationKey>('users');
  const [spread, setSpread] = useState<AllocationSpread>('all');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [shares, setShares] = useState<ShareRow[]>([]);
  useEffect(() => {
    if (!opened) return;
    setName(allocation?.name ?? '');
    setDescription(allocation?.description ?? '');
    setAmount(allocation ? allocation.amount / 100 : '');
    setOfferingId(allocation?.offering?.id ?? null);
    setAccount(allocation?.account ?? '');
    setKey(allocation?.key ?? 'users');
    setSpread(allocation?.spread ?? 'all');
    setUnitIds(allocation?.units.map((u) => u.id) ?? []);
    setShares(allocation?.shares.map((s) => ({ unitId: s.unitId, weight: s.weight })) ?? []);
  }, [opened, allocation]);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        description: description.trim() || null,
        amount: toOre(amount) ?? 0,
        offeringId,
        account: account.trim() || null,
        key,
        spread,
        unitIds: spread === 'chosen' ? unitIds : [],
        shares:
          key === 'fixed'
            ? shares.map((s) => ({
                unitId: s.unitId ?? '',
                weight: typeof s.weight === 'number' ? s.weight : Number(s.weight),
              }))
            : [],
      };
      return allocation
        ? api.put(`${PATH}/${allocation.id}`, { ...body, version: allocation.version })
        : api.post(PATH, body);
    },
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  function close() {
    save.reset();
    onClose();
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    save.mutate(undefined, { onError: () => requestAnimationFrame(() => focusFirstInvalid(form)) });
  }
  const unitData = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const fields = [
    'name',
    'description',
    'amount',
    'offeringId',
    'account',
    'key',
    'spread',
    'unitIds',
    'shares',
  ];
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={allocation ? m('editTitle', { name: allocation.name }) : m('newTitle')}
      onSubmit={submit}
      help={m('help')}
      error={save.error}
      fields={fields}
      submitLabel={t('common.save')}
      loading={save.isPending}
    >
      <TextInput
        label={m('field.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        maxLength={120}
        data-autofocus
      />
      <Textarea
        label={m('field.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
      />
      <NumberInput
        label={m('field.amount')}
        description={m('amountHelp')}
        value={amount}
        onChange={setAmount}
        error={errors.amount}
        required
        min={0}
        thousandSeparator=" "
        decimalSeparator=","
        decimalScale={2}
      />
      <Group grow align="flex-start">
        <Select
          label={m('field.offering')}
          data={(offerings.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={offeringId}
          onChange={setOfferingId}
          error={errors.offeringId}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={m('field.account')}
          value={account}
          onChange={(e) => setAccount(e.currentTarget.value)}
          error={errors.account}
          maxLength={20}
        />
      </Group>
      <Select
        label={m('field.key')}
        data={allocationKeys.map((k) => ({ value: k, label: m(`key.${k}`) }))}
        value={key}
        onChange={(v) => setKey((v as AllocationKey | null) ?? 'users')}
        allowDeselect={false}
        description={m(`keyHelp.${key}`)}
        error={errors.key}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={m('field.spread')}
        data={allocationSpreads.map((s) => ({ value: s, label: m(`spread.${s}`) }))}
        value={spread}
        onChange={(v) => setSpread((v as AllocationSpread | null) ?? 'all')}
        allowDeselect={false}
        error={errors.spread}
        comboboxProps={{ withinPortal: true }}
      />
      {spread === 'chosen' && (
        <MultiSelect
          label={m('field.units')}
          data={unitData}
          value={unitIds}
          onChange={setUnitIds}
          error={errors.unitIds}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {key === 'fixed' && (
        <Stack gap="xs" role="group" aria-label={m('field.shares')}>
          <Text size="sm" fw={500}>
            {m('field.shares')}
          </Text>
          {errors.shares && (
            <Text size="xs" c="red.8">
              {errors.shares}
            </Text>
          )}
          {shares.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no id of their own until saved
            <Group key={i} align="flex-end" wrap="nowrap">
              <Select
                label={m('shareUnit', { n: i + 1 })}
                data={unitData}
                value={s.unitId}
                onChange={(v) => setShares((all) => all.map((x, j) => (j === i ? { ...x, unitId: v } : x)))}
                searchable
                style={{ flex: 1 }}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={m('shareWeight', { n: i + 1 })}
                value={s.weight}
                onChange={(v) => setShares((all) => all.map((x, j) => (j === i ? { ...x, weight: v } : x)))}
                min={0}
                allowDecimal={false}
                w={110}
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                size="lg"
                mb={2}
                aria-label={m('removeShare', { n: i + 1 })}
                onClick={() => setShares((all) => all.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setShares((all) => [...all, { unitId: null, weight: 1 }])}
            >
              {m('addShare')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
