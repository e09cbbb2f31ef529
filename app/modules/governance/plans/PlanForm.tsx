import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Plan, planCreate } from '../../../../shared/governance/plans.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, RemoteSelect } from '../../desk/inputs.tsx';
import { useGovernanceInvalidate } from '../api.ts';

// Creating and changing an IT plan's own fields: its year (and last year, for a plan over
// several), title, description and the decision that adopted it. Its initiatives are changed on
// the plan's page, one at a time; the PATCH here names none, so they stay as they are.

interface PlanValues {
  year: number | string;
  endYear: number | string;
  title: string;
  description: string;
  decision: Named | null;
}

const thisYear = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4));

const valuesOf = (p: Plan | null): PlanValues => ({
  year: p?.year ?? thisYear(),
  endYear: p?.endYear ?? '',
  title: p?.title ?? '',
  description: p?.description ?? '',
  decision: p?.decision ?? null,
});

const fields = ['year', 'endYear', 'title', 'description', 'decisionId'];

/** A decision as the lists name it: the body, date and §. */
export const decisionLabel = (d: Record<string, unknown>) =>
  `${String(d.bodyName)} ${String(d.decidedOn)} § ${String(d.paragraph)}`;

export function PlanFormModal({
  opened,
  onClose,
  plan,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The plan to change; null to create one. */
  plan: Plan | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: plan,
    initial: () => valuesOf(plan),
    collection: '/api/v1/plans',
    payload: (v: PlanValues) => ({
      year: v.year === '' ? 0 : Number(v.year),
      endYear: v.endYear === '' ? null : Number(v.endYear),
      title: v.title.trim(),
      description: orNull(v.description),
      decisionId: v.decision?.id ?? null,
    }),
    createOnly: () => ({}),
    before: (p) => ({
      year: p.year,
      endYear: p.endYear,
      title: p.title,
      description: p.description,
      decisionId: p.decision?.id ?? null,
    }),
    schema: planCreate,
    invalidate,
    createdMessage: (saved) => t('governance.plans.created', { name: saved.title }),
    onCreated: (saved) => navigate({ to: '/governance/plans/$planId', params: { planId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`governance.plans.field.${name}`);
  const set =
    <K extends keyof PlanValues>(key: K) =>
    (value: PlanValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('governance.plans.new') : t('governance.plans.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={field('year')}
              value={values.year}
              onChange={set('year')}
              error={errors.year}
              min={1990}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              required
            />
            <NumberInput
              label={field('endYear')}
              description={t('governance.plans.endYearHelp')}
              value={values.endYear}
              onChange={set('endYear')}
              error={errors.endYear}
              min={1990}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
            />
          </SimpleGrid>
          <TextInput
            label={field('title')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
            required
            data-autofocus
          />
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={3}
            maxLength={4000}
          />
          <RemoteSelect
            path="/api/v1/decisions"
            labelOf={decisionLabel}
            label={field('adoptedBy')}
            value={values.decision}
            onChange={set('decision')}
            error={errors.decisionId}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('governance.plans.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
