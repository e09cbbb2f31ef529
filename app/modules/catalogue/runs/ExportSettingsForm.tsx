import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ExportSettings,
  type LedgerLayout,
  type LedgerPreset,
  ledgerFields,
  ledgerPresets,
  presetLayouts,
} from '../../../../shared/catalogue/exports.ts';
import { api } from '../../../platform/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useCatalogueInvalidate } from '../api.ts';

// How the tenant's locked runs go to the finance system: the voucher series, the IT unit whose
// income the vouchers credit (its account and cost centre), the account of lines that carry none
// (rented equipment), and the ledger file's layout — a preset (its columns fixed) or the
// tenant's own columns, in order, with their headers.

type Draft = {
  series: string;
  incomeAccount: string;
  itUnitId: string | null;
  defaultAccount: string;
  layout: LedgerLayout;
};

const draftOf = (s: ExportSettings): Draft => ({
  series: s.series,
  incomeAccount: s.incomeAccount ?? '',
  itUnitId: s.itUnit?.id ?? null,
  defaultAccount: s.defaultAccount ?? '',
  layout: s.layout,
});

export function ExportSettingsForm({ settings }: { settings: ExportSettings }) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.exportSettings.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [base, setBase] = useState(settings.version);
  // A save elsewhere (or ours) moves the version: the form shows what was saved.
  useEffect(() => {
    setDraft(draftOf(settings));
    setBase(settings.version);
  }, [settings]);
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/v1/catalogue/export-settings', {
        series: draft.series.trim(),
        incomeAccount: draft.incomeAccount.trim() || null,
        itUnitId: draft.itUnitId,
        defaultAccount: draft.defaultAccount.trim() || null,
        layout: draft.layout,
        version: base,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
    },
  });
  const errors = useFieldErrors(save.error);
  const disabled = !settings.can.update;
  const layout = draft.layout;
  const setLayout = (l: Partial<LedgerLayout>) => setDraft((d) => ({ ...d, layout: { ...d.layout, ...l } }));
  const setColumn = (i: number, c: Partial<LedgerLayout['columns'][number]>) =>
    setLayout({ columns: layout.columns.map((col, j) => (j === i ? { ...col, ...c } : col)) });
  const custom = layout.preset === 'custom';
  return (
    <Paper withBorder p="md" maw={720} component="section" aria-labelledby="export-settings-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h4" id="export-settings-title">
            {m('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {m('description')}
          </Text>
          <ProblemAlert
            error={save.error}
            fields={['series', 'incomeAccount', 'itUnitId', 'defaultAccount']}
            onReload={() => invalidate()}
          />
          <Group grow align="flex-start">
            <TextInput
              label={m('series')}
              value={draft.series}
              onChange={(e) => setDraft({ ...draft, series: e.currentTarget.value })}
              error={errors.series}
              required
              disabled={disabled}
            />
            <TextInput
              label={m('incomeAccount')}
              description={m('incomeAccountHelp')}
              value={draft.incomeAccount}
              onChange={(e) => setDraft({ ...draft, incomeAccount: e.currentTarget.value })}
              error={errors.incomeAccount}
              disabled={disabled}
            />
          </Group>
          <Group grow align="flex-start">
            <UnitSelect
              label={m('itUnit')}
              description={m('itUnitHelp')}
              value={draft.itUnitId}
              onChange={(v) => setDraft({ ...draft, itUnitId: v })}
              error={errors.itUnitId}
              disabled={disabled}
            />
            <TextInput
              label={m('defaultAccount')}
              description={m('defaultAccountHelp')}
              value={draft.defaultAccount}
              onChange={(e) => setDraft({ ...draft, defaultAccount: e.currentTarget.value })}
              error={errors.defaultAccount}
              disabled={disabled}
            />
          </Group>
          <Title order={3} size="h5">
            {m('layoutTitle')}
          </Title>
          <Group grow align="flex-start">
            <Select
              label={m('preset')}
              data={ledgerPresets.map((p) => ({ value: p, label: m(`presets.${p}`) }))}
              value={layout.preset}
              allowDeselect={false}
              disabled={disabled}
              onChange={(v) => {
                const preset = (v ?? 'raindance') as LedgerPreset;
                setLayout(preset === 'custom' ? { preset } : presetLayouts[preset]);
              }}
            />
            <Select
              label={m('delimiter')}
              data={(['semicolon', 'comma', 'tab'] as const).map((d) => ({
                value: d === 'semicolon' ? ';' : d === 'comma' ? ',' : 'tab',
                label: m(`delimiters.${d}`),
              }))}
              value={layout.delimiter}
              allowDeselect={false}
              disabled={disabled || !custom}
              onChange={(v) => setLayout({ delimiter: (v ?? ';') as LedgerLayout['delimiter'] })}
            />
          </Group>
          <Checkbox
            label={m('decimalComma')}
            checked={layout.decimalComma}
            disabled={disabled || !custom}
            onChange={(e) => setLayout({ decimalComma: e.currentTarget.checked })}
          />
          <Checkbox
            label={m('includeCredit')}
            checked={layout.includeCredit}
            disabled={disabled || !custom}
            onChange={(e) => setLayout({ includeCredit: e.currentTarget.checked })}
          />
          <Stack gap="xs" role="group" aria-label={m('columns')}>
            <Text size="sm" fw={500}>
              {m('columns')}
            </Text>
            {layout.columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are an ordered list edited in place
              <Group key={i} align="flex-end" wrap="nowrap">
                <Select
                  label={m('columnField', { n: i + 1 })}
                  data={ledgerFields.map((f) => ({ value: f, label: m(`fields.${f}`) }))}
                  value={c.field}
                  allowDeselect={false}
                  disabled={disabled || !custom}
                  onChange={(v) => setColumn(i, { field: (v ?? 'amount') as typeof c.field })}
                />
                <TextInput
                  label={m('columnHeader', { n: i + 1 })}
                  value={c.header}
                  disabled={disabled || !custom}
                  error={errors[`layout.columns.${i}.header`]}
                  onChange={(e) => setColumn(i, { header: e.currentTarget.value })}
                />
                {custom && !disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={m('removeColumn', { n: i + 1 })}
                    disabled={layout.columns.length === 1}
                    onClick={() => setLayout({ columns: layout.columns.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {custom && !disabled && layout.columns.length < 20 && (
              <Button
                variant="subtle"
                w="fit-content"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setLayout({ columns: [...layout.columns, { field: 'amount', header: '' }] })}
              >
                {m('addColumn')}
              </Button>
            )}
          </Stack>
          {!disabled && (
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('common.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
