import { Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvestmentBudget, investmentBudgetPut } from '../../../../shared/catalogue/assets.ts';
import { api } from '../../../platform/api.ts';
import { FormDialog, useClientErrors } from '../../../platform/dialogs.tsx';
import { useEditBase } from '../../../platform/edit-base.ts';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { toOre, useCatalogueInvalidate } from '../api.ts';
import { useInvestments } from './api.ts';
import type { InvestmentsSearch } from './search.ts';

// The IT unit's investment budget of a year against what it bought in it (the purchase values of
// the assets bought that year), in total and by kind, and setting the year's budget (seed 003:
// the rented equipment is financed by the IT unit's investment budget).

const thisYear = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4));

export function InvestmentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/catalogue/investments' });
  const navigate = useNavigate({ from: '/catalogue/investments' });
  const year = search.year ?? thisYear();
  const query = useInvestments(year);
  const [editing, setEditing] = useState(false);
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  const d = query.data;
  return (
    <>
      <PageHeader
        title={m('investmentsTitle')}
        description={m('investmentsDescription')}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/assets' },
          { label: m('investmentsTitle') },
        ]}
        actions={
          d?.can.setBudget && (
            <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {m('setBudget')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group>
          <NumberInput
            label={m('year')}
            value={year}
            onChange={(v) =>
              void navigate({
                search: (prev: InvestmentsSearch) => ({ ...prev, year: Number(v) || undefined }),
                replace: true,
              })
            }
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            w={140}
          />
        </Group>
        <Section id="investments-summary" title={m('summary', { year })}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure label={m('budget')} value={d?.budget ? f.sek(d.budget.amount) : m('noBudget')} />
            <Figure label={m('purchased')} value={d ? f.sek(d.purchased) : '–'} />
            <Figure
              label={m('remaining')}
              value={d?.remaining === null || d?.remaining === undefined ? '–' : f.sek(d.remaining)}
              alert={(d?.remaining ?? 0) < 0}
            />
          </SimpleGrid>
          {d?.budget?.note && (
            <Text size="sm" c="dimmed" mt="sm">
              {d.budget.note}
            </Text>
          )}
        </Section>
        <Section id="investments-kinds" title={m('byKind')}>
          <DataTable
            caption={m('byKindCaption', { year })}
            colSpan={3}
            minWidth={480}
            loading={query.isPending}
            error={query.error}
            empty={!d}
            emptyText={m('none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{m('field.kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('count')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m('purchased')}
                </Table.Th>
              </Table.Tr>
            }
          >
            {(d?.byKind ?? []).map((k) => (
              <Table.Tr key={k.kind}>
                <Table.Th scope="row" fw={400}>
                  {m(`kind.${k.kind}`)}
                </Table.Th>
                <Table.Td ta="right">{f.number(k.count)}</Table.Td>
                <Table.Td ta="right">{f.sek(k.purchased)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
      </Stack>
      <BudgetDialog
        opened={editing}
        onClose={() => setEditing(false)}
        year={year}
        budget={d?.budget ?? null}
        onReload={() => query.refetch()}
      />
    </>
  );
}

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} c={alert ? 'red' : undefined}>
        {value}
      </Text>
    </div>
  );
}

function BudgetDialog({
  opened,
  onClose,
  year,
  budget,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  year: number;
  budget: InvestmentBudget | null;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useCatalogueInvalidate();
  const { base, rebase } = useEditBase(opened, budget);
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (!opened) return;
    setAmount(base ? base.amount / 100 : '');
    setNote(base?.note ?? '');
  }, [opened, base?.version]);
  const body = () => ({
    ...(base ? { version: base.version } : {}),
    amount: toOre(amount) ?? -1,
    note: orNull(note),
  });
  const save = useMutation({
    mutationFn: () => api.put(`/api/v1/catalogue/investment-budgets/${year}`, body()),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = { ...useFieldErrors(save.error), ...client.errors };
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={m('budgetTitle', { year })}
      formRef={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        if (client.check(investmentBudgetPut, body())) save.mutate();
        else focusFirstInvalid(e.currentTarget);
      }}
      error={save.error}
      fields={['amount', 'note']}
      onReload={() =>
        void rebase(async () => {
          await onReload();
          save.reset();
        })
      }
      submitLabel={t('common.save')}
      loading={save.isPending}
      size="md"
    >
      <NumberInput
        label={m('budgetAmount')}
        value={amount}
        onChange={setAmount}
        error={errors.amount}
        min={0}
        thousandSeparator=" "
        decimalSeparator=","
        decimalScale={2}
        required
        data-autofocus
      />
      <TextInput
        label={m('field.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        maxLength={500}
      />
    </FormDialog>
  );
}
