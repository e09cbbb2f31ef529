import { Checkbox, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deviationCreate,
  type Project,
  type Rag,
  ragLevels,
  statusReportCreate,
} from '../../../../shared/portfolio/projects.ts';
import { api } from '../../../platform/api.ts';
import { FormDialog, useClientErrors } from '../../../platform/dialogs.tsx';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, SystemSelect } from '../../desk/inputs.tsx';
import { useProjectsInvalidate } from './api.ts';

// The project page's dialogs: a status report (red/amber/green on time, cost and scope, each with
// a comment), a deviation for the steering group, and the handover to förvaltning. Each posts to
// the project's route, shows the server's field errors beside the fields and a 409 as a sentence.

function usePost<V>(path: string, opened: boolean, initial: () => V, onClose: () => void, savedKey: string) {
  const { t } = useTranslation();
  const invalidate = useProjectsInvalidate();
  const [values, setValues] = useState<V>(initial);
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh values only when (re)opened
  useEffect(() => {
    if (opened) setValues(initial());
  }, [opened]);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<Project>(path, body),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t(savedKey));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const serverErrors = useFieldErrors(save.error);
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  return {
    t,
    values,
    setValues,
    errors: { ...serverErrors, ...client.errors } as Record<string, string>,
    client,
    save,
    close,
    formRef,
    submitWith: (schema: Parameters<typeof client.check>[0] | null, body: unknown) => (event: FormEvent) => {
      event.preventDefault();
      if (schema === null || client.check(schema, body)) save.mutate(body);
      else focusFirstInvalid(formRef.current);
    },
  };
}

interface ReportValues {
  periodFrom: string | undefined;
  periodTo: string | undefined;
  time: Rag;
  cost: Rag;
  scope: Rag;
  timeNote: string;
  costNote: string;
  scopeNote: string;
  summary: string;
}

/** The period whose report is due: the month (or quarter) ending on the next report's day. */
function duePeriod(p: Project): { periodFrom: string | undefined; periodTo: string | undefined } {
  if (!p.nextReportOn) return { periodFrom: undefined, periodTo: undefined };
  const [y, m] = p.nextReportOn.split('-').map(Number) as [number, number];
  const months = p.reportCadence === 'quarterly' ? 3 : 1;
  const from = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
  return { periodFrom: from, periodTo: p.nextReportOn };
}

const areas = ['time', 'cost', 'scope'] as const;

export function ReportDialog({
  project,
  opened,
  onClose,
}: {
  project: Project;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, values, setValues, errors, save, close, formRef, submitWith } = usePost<ReportValues>(
    `/api/v1/projects/${project.id}/reports`,
    opened,
    () => ({
      ...duePeriod(project),
      time: 'green',
      cost: 'green',
      scope: 'green',
      timeNote: '',
      costNote: '',
      scopeNote: '',
      summary: '',
    }),
    onClose,
    'portfolio.projects.reportSaved',
  );
  const body = {
    periodFrom: values.periodFrom ?? '',
    periodTo: values.periodTo ?? '',
    time: values.time,
    timeNote: orNull(values.timeNote),
    cost: values.cost,
    costNote: orNull(values.costNote),
    scope: values.scope,
    scopeNote: orNull(values.scopeNote),
    summary: orNull(values.summary),
  };
  const set =
    <K extends keyof ReportValues>(key: K) =>
    (value: ReportValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('portfolio.projects.reportTitle', { name: project.name })}
      formRef={formRef}
      onSubmit={submitWith(statusReportCreate, body)}
      error={save.error}
      fields={['periodFrom', 'periodTo', ...areas, ...areas.map((a) => `${a}Note`), 'summary']}
      submitLabel={t('portfolio.projects.newReport')}
      loading={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('portfolio.projects.periodFrom')}
          value={values.periodFrom}
          onChange={set('periodFrom')}
          error={errors.periodFrom}
          required
          data-autofocus
        />
        <DateField
          label={t('portfolio.projects.periodTo')}
          value={values.periodTo}
          onChange={set('periodTo')}
          error={errors.periodTo}
          required
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('portfolio.projects.ragHelp')}
      </Text>
      {areas.map((area) => (
        <Stack key={area} gap={4}>
          <Radio.Group
            label={t(`portfolio.projects.ragArea.${area}`)}
            value={values[area]}
            onChange={(v) => set(area)(v as Rag)}
            error={errors[area]}
            required
          >
            <SimpleGrid cols={3} mt={4}>
              {ragLevels.map((level) => (
                <Radio key={level} value={level} label={t(`portfolio.projects.rag.${level}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Textarea
            label={t('portfolio.projects.note', {
              area: t(`portfolio.projects.ragArea.${area}`).toLowerCase(),
            })}
            value={values[`${area}Note`]}
            onChange={(e) => set(`${area}Note`)(e.currentTarget.value)}
            error={errors[`${area}Note`]}
            autosize
            minRows={1}
            maxLength={2000}
          />
        </Stack>
      ))}
      <Textarea
        label={t('portfolio.projects.summary')}
        value={values.summary}
        onChange={(e) => set('summary')(e.currentTarget.value)}
        error={errors.summary}
        autosize
        minRows={2}
        maxLength={4000}
      />
    </FormDialog>
  );
}

interface DeviationValues {
  title: string;
  consequence: string;
  proposedAction: string;
  needsDecision: boolean;
}

export function DeviationDialog({
  project,
  opened,
  onClose,
}: {
  project: Project;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, values, setValues, errors, save, close, formRef, submitWith } = usePost<DeviationValues>(
    `/api/v1/projects/${project.id}/deviations`,
    opened,
    () => ({ title: '', consequence: '', proposedAction: '', needsDecision: false }),
    onClose,
    'portfolio.projects.deviationSaved',
  );
  const body = {
    title: values.title.trim(),
    consequence: orNull(values.consequence),
    proposedAction: orNull(values.proposedAction),
    needsDecision: values.needsDecision,
  };
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('portfolio.projects.deviationTitle', { name: project.name })}
      formRef={formRef}
      onSubmit={submitWith(deviationCreate, body)}
      help={t('portfolio.projects.deviationHelp')}
      error={save.error}
      fields={['title', 'consequence', 'proposedAction', 'needsDecision']}
      submitLabel={t('portfolio.projects.newDeviation')}
      loading={save.isPending}
    >
      <TextInput
        label={t('portfolio.projects.deviation')}
        value={values.title}
        onChange={(e) => {
          const title = e.currentTarget.value;
          setValues((v) => ({ ...v, title }));
        }}
        error={errors.title}
        maxLength={300}
        required
        data-autofocus
      />
      <Textarea
        label={t('portfolio.projects.deviationConsequence')}
        value={values.consequence}
        onChange={(e) => {
          const consequence = e.currentTarget.value;
          setValues((v) => ({ ...v, consequence }));
        }}
        error={errors.consequence}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Textarea
        label={t('portfolio.projects.proposedAction')}
        value={values.proposedAction}
        onChange={(e) => {
          const proposedAction = e.currentTarget.value;
          setValues((v) => ({ ...v, proposedAction }));
        }}
        error={errors.proposedAction}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Checkbox
        label={t('portfolio.projects.needsDecision')}
        checked={values.needsDecision}
        onChange={(e) => {
          const needsDecision = e.currentTarget.checked;
          setValues((v) => ({ ...v, needsDecision }));
        }}
        error={errors.needsDecision}
      />
    </FormDialog>
  );
}

interface HandoverValues {
  kind: 'existing' | 'new';
  system: Named | null;
  name: string;
  scope: 'shared' | 'business';
  inOperationFrom: string | undefined;
}

export function HandoverDialog({
  project,
  opened,
  onClose,
}: {
  project: Project;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, values, setValues, errors, save, close, formRef, submitWith } = usePost<HandoverValues>(
    `/api/v1/projects/${project.id}/handover`,
    opened,
    () => ({
      kind: project.systems.length > 0 ? 'existing' : 'new',
      system: project.systems[0] ?? null,
      name: project.name,
      scope: 'shared',
      inOperationFrom: undefined,
    }),
    onClose,
    'portfolio.projects.handedOver',
  );
  const body =
    values.kind === 'existing'
      ? { version: project.version, systemId: values.system?.id, inOperationFrom: values.inOperationFrom }
      : {
          version: project.version,
          newSystem: { name: values.name.trim(), scope: values.scope },
          inOperationFrom: values.inOperationFrom,
        };
  const set =
    <K extends keyof HandoverValues>(key: K) =>
    (value: HandoverValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('portfolio.projects.handoverTitle', { name: project.name })}
      formRef={formRef}
      onSubmit={submitWith(null, body)}
      help={t('portfolio.projects.handoverHelp')}
      error={save.error}
      fields={['systemId', 'newSystem.name', 'newSystem.scope', 'inOperationFrom']}
      submitLabel={t('portfolio.projects.handOver')}
      loading={save.isPending}
    >
      <Radio.Group
        label={t('portfolio.projects.handoverKind')}
        value={values.kind}
        onChange={(v) => set('kind')(v as HandoverValues['kind'])}
      >
        <Stack gap={4} mt={4}>
          <Radio value="existing" label={t('portfolio.projects.handoverExisting')} />
          <Radio value="new" label={t('portfolio.projects.handoverNew')} />
        </Stack>
      </Radio.Group>
      {values.kind === 'existing' ? (
        <SystemSelect
          label={t('portfolio.projects.system')}
          value={values.system}
          onChange={set('system')}
          error={errors.systemId}
          required
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('portfolio.projects.newSystemName')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors['newSystem.name']}
            maxLength={200}
            required
          />
          <Select
            label={t('portfolio.projects.newSystemScope')}
            data={[
              { value: 'shared', label: t('portfolio.projects.scopeShared') },
              { value: 'business', label: t('portfolio.projects.scopeBusiness') },
            ]}
            value={values.scope}
            onChange={(v) => v && set('scope')(v as HandoverValues['scope'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      )}
      <DateField
        label={t('portfolio.projects.inOperationFrom')}
        value={values.inOperationFrom}
        onChange={set('inOperationFrom')}
        error={errors.inOperationFrom}
      />
    </FormDialog>
  );
}
