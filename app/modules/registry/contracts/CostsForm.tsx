import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CostCategory,
  costCategories,
  type SystemCosts,
} from '../../../../shared/registry/contracts.ts';
import { request } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';

// Recording a system's costs of a year: the lines (category, amount in kronor, note) and, when
// wanted, the units' shares in percent (empty: split by the using units' user counts). The whole
// year is sent at once with the version it was based on; the server checks that shares add to 100.

interface Line {
  key: number;
  category: CostCategory;
  amountKr: number | string;
  note: string;
}
interface Share {
  key: number;
  unitId: string | null;
  percent: number | string;
}

let next = 0;
const key = () => ++next;

export function CostsFormModal({
  opened,
  onClose,
  costs,
}: {
  opened: boolean;
  onClose: () => void;
  costs: SystemCosts;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [lines, setLines] = useState<Line[]>([]);
  const [shares, setShares] = useState<Share[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (!opened) return;
    setLines(
      costs.lines.map((l) => ({
        key: key(),
        category: l.category,
        amountKr: l.amount / 100,
        note: l.note ?? '',
      })),
    );
    setShares(
      costs.basis === 'percent'
        ? costs.shares.map((s) => ({ key: key(), unitId: s.unitId, percent: s.percent ?? '' }))
        : [],
    );
  }, [opened, costs.version, costs.year]);

  const save = useMutation({
    mutationFn: () =>
      request<SystemCosts>('PUT', `/api/v1/systems/${costs.systemId}/costs`, {
        year: costs.year,
        ...(costs.version !== null ? { version: costs.version } : {}),
        lines: lines.map((l) => ({
          category: l.category,
          amount: Math.round(Number(l.amountKr || 0) * 100),
          note: l.note.trim() || null,
        })),
        allocation: shares.map((s) => ({ unitId: s.unitId ?? '', percent: Number(s.percent || 0) })),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['registry', 'costs', costs.systemId] });
      notifySuccess(t('common.saved'));
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  const m = (k: string, options?: Record<string, unknown>) => t(`registry.contracts.costs.${k}`, options);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Dialog opened={opened} onClose={close} title={m('editTitle', { year: costs.year })} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={save.error} fields={['lines', 'allocation', 'version', 'year']} />
          <Title order={3} size="h5">
            {m('lines')}
          </Title>
          {lines.map((line, i) => (
            <Group key={line.key} align="flex-end" wrap="nowrap">
              <Select
                label={m('category')}
                data={costCategories.map((c) => ({ value: c, label: m(`categories.${c}`) }))}
                value={line.category}
                onChange={(v) =>
                  v &&
                  setLines((all) =>
                    all.map((l) => (l.key === line.key ? { ...l, category: v as CostCategory } : l)),
                  )
                }
                allowDeselect={false}
                w={160}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={`${m('amount')} (kr)`}
                value={line.amountKr}
                onChange={(v) =>
                  setLines((all) => all.map((l) => (l.key === line.key ? { ...l, amountKr: v } : l)))
                }
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                decimalSeparator=","
                error={errors[`lines.${i}.amount`]}
                w={200}
              />
              <TextInput
                label={m('note')}
                value={line.note}
                onChange={(e) => {
                  const note = e.currentTarget.value;
                  setLines((all) => all.map((l) => (l.key === line.key ? { ...l, note } : l)));
                }}
                maxLength={200}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={m('removeLine')}
                onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setLines((all) => [...all, { key: key(), category: 'licence', amountKr: '', note: '' }])
              }
            >
              {m('addLine')}
            </Button>
          </Group>
          <Title order={3} size="h5">
            {m('allocation')}
          </Title>
          <Text size="sm" c="dimmed">
            {m('allocationHelp')}
          </Text>
          {errors.allocation && (
            <Text size="sm" c="red.8" role="alert">
              {errors.allocation}
            </Text>
          )}
          {shares.map((share, i) => (
            <Group key={share.key} align="flex-end" wrap="nowrap">
              <UnitSelect
                label={m('unit')}
                value={share.unitId}
                onChange={(unitId) =>
                  setShares((all) => all.map((s) => (s.key === share.key ? { ...s, unitId } : s)))
                }
                error={errors[`allocation.${i}.unitId`]}
                style={{ flex: 1 }}
              />
              <NumberInput
                label={`${m('share')} (%)`}
                value={share.percent}
                onChange={(v) =>
                  setShares((all) => all.map((s) => (s.key === share.key ? { ...s, percent: v } : s)))
                }
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                error={errors[`allocation.${i}.percent`]}
                w={140}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={m('removeShare')}
                onClick={() => setShares((all) => all.filter((s) => s.key !== share.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setShares((all) => [...all, { key: key(), unitId: null, percent: '' }])}
            >
              {m('addShare')}
            </Button>
          </Group>
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Dialog>
  );
}
