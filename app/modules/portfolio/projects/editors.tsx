import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  budgetYearInput,
  milestoneInput,
  type Project,
  riskInput,
} from '../../../../shared/portfolio/projects.ts';
import { ApiError, api } from '../../../platform/api.ts';
import { FormDialog } from '../../../platform/dialogs.tsx';
import { useEditBase } from '../../../platform/edit-base.ts';
import { translateMessage } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect } from '../../desk/inputs.tsx';
import { kr, ore } from '../procurements/parts.tsx';
import { useProjectsInvalidate } from './api.ts';

// The project page's list editors: its milestones, its budget and outcome per year, and its risks.
// Each dialog edits the whole list (add, change, remove rows) and saves it with the project's
// version through PATCH /api/v1/projects/{id} (the list replaces the project's); a stale version
// shows the conflict and "Läs in igen"; an error at body.<list>.<row>.<field> is shown on that
// row's field. Money is edited in kronor and sent in öre.

type ListKey = 'milestones' | 'budget' | 'risks';

/** Errors by full path without `body.` (e.g. `milestones.2.name`), translated. */
function pathErrorsOf(t: Parameters<typeof translateMessage>[0], error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const e of error.errors) {
    const path = e.path.replace(/^body\.?/, '');
    if (!(path in found)) found[path] = translateMessage(t, e.message);
  }
  return found;
}

let nextKey = 0;
const rowKey = () => `row-${++nextKey}`;

/** The list's rows as edited, the save with the version, and the errors by path. */
function useListEditor<Row extends { key: string }>({
  project,
  list,
  opened,
  onClose,
  onReload,
  rowsOf,
  bodyOf,
  item,
  blank,
}: {
  project: Project;
  list: ListKey;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  rowsOf: (p: Project) => Omit<Row, 'key'>[];
  bodyOf: (row: Row) => unknown;
  item: z.ZodType;
  blank: (rows: Row[]) => Omit<Row, 'key'>;
}) {
  const { t } = useTranslation();
  const invalidate = useProjectsInvalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const fresh = (p: Project) => rowsOf(p).map((r) => ({ ...r, key: rowKey() }) as Row);
  const [rows, setRows] = useState<Row[]>(() => fresh(project));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { base, rebase } = useEditBase(opened, project);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh rows only when (re)opened or reloaded
  useEffect(() => {
    if (opened) {
      setRows(fresh(base));
      setClientErrors({});
    }
  }, [opened, base.version]);
  const body = rows.map(bodyOf);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Project>(`/api/v1/projects/${base.id}`, { version: base.version, [list]: body }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('portfolio.projects.editor.saved'));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = { ...pathErrorsOf(t, save.error), ...clientErrors };
  function close() {
    save.reset();
    setClientErrors({});
    onClose();
  }
  function focusRow(index: number) {
    setTimeout(() => {
      formRef.current
        ?.querySelector<HTMLElement>(`[data-row="${index}"] input, [data-row="${index}"] textarea`)
        ?.focus();
    }, 0);
  }
  return {
    t,
    rows,
    errors,
    save,
    close,
    formRef,
    addRef,
    /** Errors of the list itself or of a row as a whole (not of a field). */
    listError: errors[list],
    error: (index: number, field: string) => errors[`${list}.${index}.${field}`],
    set:
      <K extends keyof Row>(index: number, field: K) =>
      (value: Row[K]) =>
        setRows((current) => current.map((r, i) => (i === index ? { ...r, [field]: value } : r))),
    add() {
      setRows((current) => [...current, { ...blank(current), key: rowKey() } as Row]);
      focusRow(rows.length);
    },
    remove(index: number) {
      setRows((current) => current.filter((_, i) => i !== index));
      setTimeout(() => addRef.current?.focus(), 0);
    },
    reload: async () => {
      await rebase(onReload);
      save.reset();
    },
    onSubmit(event: FormEvent) {
      event.preventDefault();
      const result = z.array(item).safeParse(body);
      if (result.success) {
        setClientErrors({});
        save.mutate();
        return;
      }
      const found: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const path = [list, ...issue.path.map(String)].join('.');
        if (!(path in found)) found[path] = translateMessage(t, issue.message);
      }
      setClientErrors(found);
      focusFirstInvalid(formRef.current);
    },
  };
}

type Editor = ReturnType<typeof useListEditor<{ key: string }>>;

/** The dialog around a list: its rows (each a fieldset with a remove button) and an add button. */
function ListDialog({
  editor,
  opened,
  title,
  help,
  list,
  rowLegend,
  addLabel,
  empty,
  children,
}: {
  editor: Editor;
  opened: boolean;
  title: string;
  help: string;
  list: ListKey;
  rowLegend: (index: number) => string;
  addLabel: string;
  empty: string;
  children: (index: number) => ReactNode;
}) {
  const { t, rows } = editor;
  return (
    <FormDialog
      opened={opened}
      onClose={editor.close}
      title={title}
      size="xl"
      formRef={editor.formRef}
      onSubmit={editor.onSubmit}
      help={help}
      error={editor.save.error}
      fields={[list]}
      onReload={() => void editor.reload()}
      submitLabel={t('common.save')}
      loading={editor.save.isPending}
    >
      {editor.listError && (
        <Text size="sm" c="red.9" role="alert">
          {editor.listError}
        </Text>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {rows.map((row, index) => (
        <Fieldset key={row.key} legend={rowLegend(index)} data-row={index} p="sm">
          {children(index)}
          <Group justify="flex-end" mt="xs">
            <ActionIcon
              variant="subtle"
              color="red.9"
              onClick={() => editor.remove(index)}
              aria-label={t('portfolio.projects.editor.remove', { row: rowLegend(index) })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button
          ref={editor.addRef}
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={editor.add}
        >
          {addLabel}
        </Button>
      </Group>
    </FormDialog>
  );
}

interface DialogProps {
  project: Project;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

// ---------------------------------------------------------------- milestones

interface MilestoneRow {
  key: string;
  id?: string;
  name: string;
  plannedOn: string | undefined;
  doneOn: string | undefined;
}

export function MilestonesDialog({ project, opened, onClose, onReload }: DialogProps) {
  const editor = useListEditor<MilestoneRow>({
    project,
    list: 'milestones',
    opened,
    onClose,
    onReload,
    item: milestoneInput,
    rowsOf: (p) =>
      p.milestones.map((m) => ({
        id: m.id,
        name: m.name,
        plannedOn: m.plannedOn ?? undefined,
        doneOn: m.doneOn ?? undefined,
      })),
    bodyOf: (r) => ({
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      plannedOn: r.plannedOn ?? null,
      doneOn: r.doneOn ?? null,
    }),
    blank: () => ({ name: '', plannedOn: undefined, doneOn: undefined }),
  });
  const { t, rows, error, set } = editor;
  const tp = (key: string, o?: Record<string, unknown>) => t(`portfolio.projects.${key}`, o ?? {});
  return (
    <ListDialog
      editor={editor as unknown as Editor}
      opened={opened}
      title={tp('editor.milestonesTitle', { name: project.name })}
      help={tp('editor.milestonesHelp')}
      list="milestones"
      rowLegend={(i) => tp('editor.milestoneRow', { n: i + 1 })}
      addLabel={tp('editor.addMilestone')}
      empty={tp('noMilestones')}
    >
      {(i) => (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={tp('milestone')}
            value={rows[i]!.name}
            onChange={(e) => set(i, 'name')(e.currentTarget.value)}
            error={error(i, 'name') ?? error(i, 'id')}
            maxLength={300}
            required
          />
          <DateField
            label={tp('plannedOn')}
            value={rows[i]!.plannedOn}
            onChange={set(i, 'plannedOn')}
            error={error(i, 'plannedOn')}
          />
          <DateField
            label={tp('doneOn')}
            value={rows[i]!.doneOn}
            onChange={set(i, 'doneOn')}
            error={error(i, 'doneOn')}
          />
        </SimpleGrid>
      )}
    </ListDialog>
  );
}

// ---------------------------------------------------------------- budget and outcome

interface BudgetRow {
  key: string;
  year: number | string;
  investment: number | string;
  investmentOutcome: number | string;
  running: number | string;
  runningOutcome: number | string;
}

const moneyFields = ['investment', 'investmentOutcome', 'running', 'runningOutcome'] as const;

export function BudgetDialog({ project, opened, onClose, onReload }: DialogProps) {
  const editor = useListEditor<BudgetRow>({
    project,
    list: 'budget',
    opened,
    onClose,
    onReload,
    item: budgetYearInput,
    rowsOf: (p) =>
      p.budget.map((b) => ({
        year: b.year,
        investment: kr(b.investment),
        investmentOutcome: kr(b.investmentOutcome),
        running: kr(b.running),
        runningOutcome: kr(b.runningOutcome),
      })),
    bodyOf: (r) => ({
      year: r.year === '' ? undefined : Number(r.year),
      investment: ore(r.investment),
      investmentOutcome: ore(r.investmentOutcome),
      running: ore(r.running),
      runningOutcome: ore(r.runningOutcome),
    }),
    blank: (rows) => {
      const last = rows.reduce((max, r) => Math.max(max, Number(r.year) || 0), 0);
      return {
        year: last ? last + 1 : new Date().getFullYear(),
        investment: '',
        investmentOutcome: '',
        running: '',
        runningOutcome: '',
      };
    },
  });
  const { t, rows, error, set } = editor;
  const tp = (key: string, o?: Record<string, unknown>) => t(`portfolio.projects.${key}`, o ?? {});
  return (
    <ListDialog
      editor={editor as unknown as Editor}
      opened={opened}
      title={tp('editor.budgetTitle', { name: project.name })}
      help={tp('editor.budgetHelp')}
      list="budget"
      rowLegend={(i) => (rows[i]?.year ? String(rows[i]!.year) : tp('editor.budgetRow', { n: i + 1 }))}
      addLabel={tp('editor.addYear')}
      empty={tp('noBudget')}
    >
      {(i) => (
        <SimpleGrid cols={{ base: 1, sm: 5 }}>
          <NumberInput
            label={tp('field.year')}
            value={rows[i]!.year}
            onChange={set(i, 'year')}
            error={error(i, 'year')}
            min={1990}
            max={2100}
            allowDecimal={false}
            required
          />
          {moneyFields.map((f) => (
            <NumberInput
              key={f}
              label={`${tp(`field.${f}`)} (kr)`}
              value={rows[i]![f]}
              onChange={set(i, f)}
              error={error(i, f)}
              min={0}
              max={9_999_999_999_999}
              decimalScale={2}
              thousandSeparator=" "
              decimalSeparator=","
            />
          ))}
        </SimpleGrid>
      )}
    </ListDialog>
  );
}

// ---------------------------------------------------------------- risks

interface RiskRow {
  key: string;
  id?: string;
  description: string;
  probability: number | string;
  consequence: number | string;
  mitigation: string;
  owner: Named | null;
}

export function RisksDialog({ project, opened, onClose, onReload }: DialogProps) {
  const editor = useListEditor<RiskRow>({
    project,
    list: 'risks',
    opened,
    onClose,
    onReload,
    item: riskInput,
    rowsOf: (p) =>
      p.risks.map((r) => ({
        id: r.id,
        description: r.description,
        probability: r.probability,
        consequence: r.consequence,
        mitigation: r.mitigation ?? '',
        owner: r.owner,
      })),
    bodyOf: (r) => ({
      ...(r.id ? { id: r.id } : {}),
      description: r.description.trim(),
      probability: r.probability === '' ? undefined : Number(r.probability),
      consequence: r.consequence === '' ? undefined : Number(r.consequence),
      mitigation: orNull(r.mitigation),
      ownerId: r.owner?.id ?? null,
    }),
    blank: () => ({ description: '', probability: 3, consequence: 3, mitigation: '', owner: null }),
  });
  const { t, rows, error, set } = editor;
  const tp = (key: string, o?: Record<string, unknown>) => t(`portfolio.projects.${key}`, o ?? {});
  return (
    <ListDialog
      editor={editor as unknown as Editor}
      opened={opened}
      title={tp('editor.risksTitle', { name: project.name })}
      help={tp('editor.risksHelp')}
      list="risks"
      rowLegend={(i) => tp('editor.riskRow', { n: i + 1 })}
      addLabel={tp('editor.addRisk')}
      empty={tp('noRisks')}
    >
      {(i) => (
        <>
          <TextInput
            label={tp('risk')}
            value={rows[i]!.description}
            onChange={(e) => set(i, 'description')(e.currentTarget.value)}
            error={error(i, 'description') ?? error(i, 'id')}
            maxLength={500}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            {(['probability', 'consequence'] as const).map((level) => (
              <NumberInput
                key={level}
                label={tp(level)}
                value={rows[i]![level]}
                onChange={set(i, level)}
                error={error(i, level)}
                min={1}
                max={5}
                allowDecimal={false}
                required
              />
            ))}
            <PersonSelect
              label={tp('owner')}
              value={rows[i]!.owner}
              onChange={set(i, 'owner')}
              error={error(i, 'ownerId')}
            />
          </SimpleGrid>
          <Textarea
            label={tp('mitigation')}
            value={rows[i]!.mitigation}
            onChange={(e) => set(i, 'mitigation')(e.currentTarget.value)}
            error={error(i, 'mitigation')}
            autosize
            minRows={1}
            maxLength={2000}
            mt="xs"
          />
        </>
      )}
    </ListDialog>
  );
}
