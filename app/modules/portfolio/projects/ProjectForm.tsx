import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Project,
  type ProjectPhase,
  projectCreate,
  projectPhases,
  type ReportCadence,
  reportCadences,
} from '../../../../shared/portfolio/projects.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, PersonSelect, RemoteSelect } from '../../desk/inputs.tsx';
import { useProjectsInvalidate } from './api.ts';

// Creating and changing a project's own fields: name, description, phase, project manager,
// steering group, unit, dates and reporting cadence. The handover has its own dialog; milestones,
// budget and risks have their own dialogs on the project page (editors.tsx).

interface ProjectValues {
  name: string;
  description: string;
  phase: ProjectPhase;
  manager: Named | null;
  steeringGroup: Named | null;
  unitId: string | null;
  startsOn: string | undefined;
  endsOn: string | undefined;
  reportCadence: ReportCadence;
}

const valuesOf = (p: Project | null): ProjectValues => ({
  name: p?.name ?? '',
  description: p?.description ?? '',
  phase: p?.phase ?? 'preStudy',
  manager: p?.manager ?? null,
  steeringGroup: p?.steeringGroup ?? null,
  unitId: p?.unit?.id ?? null,
  startsOn: p?.startsOn ?? undefined,
  endsOn: p?.endsOn ?? undefined,
  reportCadence: p?.reportCadence ?? 'monthly',
});

const fields = [
  'name',
  'description',
  'phase',
  'managerId',
  'steeringGroupId',
  'unitId',
  'startsOn',
  'endsOn',
  'reportCadence',
];

export function ProjectFormModal({
  opened,
  onClose,
  project,
  demand,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  project: Project | null;
  /** A new project that carries out this decided demand: named and placed as the demand is. */
  demand?: { id: string; title: string; unitId: string | null };
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useProjectsInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: project,
    initial: () =>
      !project && demand
        ? { ...valuesOf(null), name: demand.title, unitId: demand.unitId }
        : valuesOf(project),
    collection: '/api/v1/projects',
    payload: (v: ProjectValues) => ({
      name: v.name.trim(),
      description: orNull(v.description),
      phase: v.phase,
      managerId: v.manager?.id ?? null,
      steeringGroupId: v.steeringGroup?.id ?? null,
      unitId: v.unitId,
      startsOn: v.startsOn ?? null,
      endsOn: v.endsOn ?? null,
      reportCadence: v.reportCadence,
    }),
    createOnly: () => (demand ? { demandId: demand.id } : {}),
    before: (p) => ({
      name: p.name,
      description: p.description,
      phase: p.phase,
      managerId: p.manager?.id ?? null,
      steeringGroupId: p.steeringGroup?.id ?? null,
      unitId: p.unit?.id ?? null,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      reportCadence: p.reportCadence,
    }),
    schema: projectCreate,
    invalidate,
    createdMessage: (saved) => t('portfolio.projects.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/portfolio/projects/$projectId', params: { projectId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`portfolio.projects.field.${name}`);
  const set =
    <K extends keyof ProjectValues>(key: K) =>
    (value: ProjectValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const phases = projectPhases.filter((p) => p !== 'handedOver' || project?.phase === 'handedOver');
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('portfolio.projects.new') : t('portfolio.projects.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('phase')}
              data={phases.map((p) => ({ value: p, label: t(`portfolio.projects.phase.${p}`) }))}
              value={values.phase}
              onChange={(v) => v && set('phase')(v as ProjectPhase)}
              error={errors.phase}
              disabled={project?.phase === 'handedOver'}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={field('reportCadence')}
              data={reportCadences.map((c) => ({ value: c, label: t(`portfolio.projects.cadence.${c}`) }))}
              value={values.reportCadence}
              onChange={(v) => v && set('reportCadence')(v as ReportCadence)}
              error={errors.reportCadence}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <PersonSelect
              label={field('manager')}
              value={values.manager}
              onChange={set('manager')}
              error={errors.managerId}
            />
            <RemoteSelect
              path="/api/v1/forums"
              labelOf={(f) => String(f.name)}
              label={field('steeringGroup')}
              value={values.steeringGroup}
              onChange={set('steeringGroup')}
              error={errors.steeringGroupId}
            />
            <DateField
              label={field('startsOn')}
              value={values.startsOn}
              onChange={set('startsOn')}
              error={errors.startsOn}
            />
            <DateField
              label={field('endsOn')}
              value={values.endsOn}
              onChange={set('endsOn')}
              error={errors.endsOn}
            />
          </SimpleGrid>
          <UnitSelect
            label={field('unit')}
            value={values.unitId}
            onChange={set('unitId')}
            error={errors.unitId}
            clearable
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('portfolio.projects.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
