import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Criticality,
  criticalities,
  type LifecyclePhase,
  lifecyclePhases,
  type OperationForm,
  operationForms,
  type System,
  type SystemScope,
  systemCreate,
  systemScopes,
  type TimeAssessment,
  timeAssessments,
} from '../../../../shared/registry/systems.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { useUnitIndex } from '../../../platform/directory/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { SupplierSelect } from '../privacy/inputs.tsx';
import { useSystemsInvalidate } from './api.ts';

// Registering and editing a system: every field of the record, in fieldsets. Edits send the
// changed fields with the version they were based on; a 409 offers to reload (record-form.ts).

interface SystemValues {
  name: string;
  shortName: string;
  description: string;
  scope: SystemScope;
  category: string;
  owningUnitId: string | null;
  usingUnits: { unitId: string | null; users: number | null }[];
  phase: LifecyclePhase;
  inOperationFrom: string | undefined;
  phaseOutFrom: string | undefined;
  retiredOn: string | undefined;
  operationForm: OperationForm | null;
  criticality: Criticality | null;
  timeAssessment: TimeAssessment | null;
  timeMotivation: string;
  supplierId: string | null;
  product: string;
  productVersion: string;
  eService: boolean;
  ownDeveloped: boolean;
  productCouncil: string;
  links: { label: string; url: string }[];
  tags: string[];
}

function valuesOf(system: System | null): SystemValues {
  return {
    name: system?.name ?? '',
    shortName: system?.shortName ?? '',
    description: system?.description ?? '',
    scope: system?.scope ?? 'business',
    category: system?.category ?? '',
    owningUnitId: system?.owningUnitId ?? null,
    usingUnits: system?.usingUnits.map((u) => ({ ...u })) ?? [],
    phase: system?.phase ?? 'operation',
    inOperationFrom: system?.inOperationFrom ?? undefined,
    phaseOutFrom: system?.phaseOutFrom ?? undefined,
    retiredOn: system?.retiredOn ?? undefined,
    operationForm: system?.operationForm ?? null,
    criticality: system?.criticality ?? null,
    timeAssessment: system?.timeAssessment ?? null,
    timeMotivation: system?.timeMotivation ?? '',
    supplierId: system?.supplierId ?? null,
    product: system?.product ?? '',
    productVersion: system?.productVersion ?? '',
    eService: system?.eService ?? false,
    ownDeveloped: system?.ownDeveloped ?? false,
    productCouncil: system?.productCouncil ?? '',
    links: system?.links.map((l) => ({ ...l })) ?? [],
    tags: system?.tags ?? [],
  };
}

function payloadOf(v: SystemValues) {
  return {
    name: v.name.trim(),
    shortName: orNull(v.shortName),
    description: orNull(v.description),
    scope: v.scope,
    category: orNull(v.category),
    owningUnitId: v.owningUnitId,
    usingUnits: v.usingUnits
      .filter((u) => u.unitId)
      .map((u) => ({ unitId: u.unitId as string, users: u.users ?? null })),
    phase: v.phase,
    inOperationFrom: v.inOperationFrom ?? null,
    phaseOutFrom: v.phaseOutFrom ?? null,
    retiredOn: v.retiredOn ?? null,
    operationForm: v.operationForm,
    criticality: v.criticality,
    timeAssessment: v.timeAssessment,
    timeMotivation: orNull(v.timeMotivation),
    supplierId: v.supplierId,
    product: orNull(v.product),
    productVersion: orNull(v.productVersion),
    eService: v.eService,
    ownDeveloped: v.ownDeveloped,
    productCouncil: v.ownDeveloped ? orNull(v.productCouncil) : null,
    links: v.links
      .filter((l) => l.label.trim() || l.url.trim())
      .map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
    tags: v.tags,
  };
}

const fields = [
  'name',
  'shortName',
  'description',
  'scope',
  'category',
  'owningUnitId',
  'usingUnits',
  'phase',
  'inOperationFrom',
  'phaseOutFrom',
  'retiredOn',
  'operationForm',
  'criticality',
  'timeAssessment',
  'timeMotivation',
  'supplierId',
  'product',
  'productVersion',
  'eService',
  'ownDeveloped',
  'productCouncil',
  'links',
  'tags',
];

export function SystemFormModal({
  opened,
  onClose,
  system,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The system to edit; null to register one. */
  system: System | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useSystemsInvalidate();
  const { units } = useUnitIndex();
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '';
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: system,
    initial: () => valuesOf(system),
    collection: '/api/v1/systems',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (s) => payloadOf(valuesOf(s)),
    schema: systemCreate,
    invalidate,
    createdMessage: (saved) => t('registry.systems.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/systems/$systemId', params: { systemId: saved.id } }),
    onReload,
  });
  const set =
    <K extends keyof SystemValues>(field: K) =>
    (value: SystemValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const label = (name: string) => t(`registry.systems.field.${name}`);
  const options = <T extends string>(values: readonly T[], group: string) =>
    values.map((v) => ({ value: v, label: t(`registry.systems.${group}.${v}`) }));
  const select = {
    comboboxProps: { withinPortal: true },
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
  };
  const fieldError = (prefix: string) =>
    Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.systems.createTitle') : t('registry.systems.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <Fieldset legend={t('registry.systems.fieldset.basics')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={label('name')}
                  value={values.name}
                  onChange={(e) => set('name')(e.currentTarget.value)}
                  error={errors.name}
                  required
                  data-autofocus
                  maxLength={200}
                  style={{ gridColumn: 'span 2' }}
                />
                <TextInput
                  label={label('shortName')}
                  value={values.shortName}
                  onChange={(e) => set('shortName')(e.currentTarget.value)}
                  error={errors.shortName}
                  maxLength={40}
                />
              </SimpleGrid>
              <Textarea
                label={label('description')}
                value={values.description}
                onChange={(e) => set('description')(e.currentTarget.value)}
                error={errors.description}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={label('scope')}
                  data={options(systemScopes, 'scope')}
                  value={values.scope}
                  onChange={(v) => v && set('scope')(v as SystemScope)}
                  error={errors.scope}
                  required
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={label('category')}
                  value={values.category}
                  onChange={(e) => set('category')(e.currentTarget.value)}
                  error={errors.category}
                  maxLength={100}
                />
                <UnitSelect
                  label={label('owningUnitId')}
                  value={values.owningUnitId}
                  onChange={set('owningUnitId')}
                  error={errors.owningUnitId}
                />
              </SimpleGrid>
              <TagsInput
                label={label('tags')}
                description={t('registry.systems.tagsHelp')}
                value={values.tags}
                onChange={set('tags')}
                error={fieldError('tags')}
                maxTags={50}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('registry.systems.fieldset.use')}>
            <Stack gap="xs">
              {values.usingUnits.map((use, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a unit may not be chosen yet
                <Group key={i} align="flex-end" wrap="nowrap">
                  <UnitSelect
                    label={t('registry.systems.usingUnitFilter')}
                    value={use.unitId}
                    onChange={(unitId) =>
                      set('usingUnits')(values.usingUnits.map((u, j) => (j === i ? { ...u, unitId } : u)))
                    }
                    error={errors[`usingUnits.${i}.unitId`]}
                    style={{ flex: 1 }}
                  />
                  <NumberInput
                    label={t('registry.systems.usersLabel')}
                    value={use.users ?? ''}
                    min={0}
                    max={10_000_000}
                    allowDecimal={false}
                    onChange={(n) =>
                      set('usingUnits')(
                        values.usingUnits.map((u, j) =>
                          j === i ? { ...u, users: typeof n === 'number' ? n : null } : u,
                        ),
                      )
                    }
                    error={errors[`usingUnits.${i}.users`]}
                    w={160}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    mb={2}
                    aria-label={t('registry.systems.removeUse', { name: unitName(use.unitId) || i + 1 })}
                    onClick={() => set('usingUnits')(values.usingUnits.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => set('usingUnits')([...values.usingUnits, { unitId: null, users: null }])}
                >
                  {t('registry.systems.addUse')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('registry.systems.fieldset.life')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Select
                  label={label('phase')}
                  data={options(lifecyclePhases, 'phase')}
                  value={values.phase}
                  onChange={(v) => v && set('phase')(v as LifecyclePhase)}
                  error={errors.phase}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <DateField
                  label={label('inOperationFrom')}
                  value={values.inOperationFrom}
                  onChange={set('inOperationFrom')}
                  error={errors.inOperationFrom}
                />
                <DateField
                  label={label('phaseOutFrom')}
                  value={values.phaseOutFrom}
                  onChange={set('phaseOutFrom')}
                  error={errors.phaseOutFrom}
                />
                <DateField
                  label={label('retiredOn')}
                  value={values.retiredOn}
                  onChange={set('retiredOn')}
                  error={errors.retiredOn}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={label('operationForm')}
                  data={options(operationForms, 'operationForm')}
                  value={values.operationForm}
                  onChange={(v) => set('operationForm')((v as OperationForm) ?? null)}
                  error={errors.operationForm}
                  {...select}
                />
                <Select
                  label={label('criticality')}
                  data={options(criticalities, 'criticality')}
                  value={values.criticality}
                  onChange={(v) => set('criticality')((v as Criticality) ?? null)}
                  error={errors.criticality}
                  {...select}
                />
                <Select
                  label={label('timeAssessment')}
                  data={options(timeAssessments, 'timeAssessment')}
                  value={values.timeAssessment}
                  onChange={(v) => set('timeAssessment')((v as TimeAssessment) ?? null)}
                  error={errors.timeAssessment}
                  {...select}
                />
              </SimpleGrid>
              <Textarea
                label={label('timeMotivation')}
                value={values.timeMotivation}
                onChange={(e) => set('timeMotivation')(e.currentTarget.value)}
                error={errors.timeMotivation}
                autosize
                minRows={2}
                maxLength={2000}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('registry.systems.fieldset.product')}>
            <Stack gap="sm">
              <SupplierSelect
                label={label('supplierId')}
                placeholder={t('registry.systems.noSupplier')}
                value={values.supplierId}
                onChange={set('supplierId')}
                error={errors.supplierId}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={label('product')}
                  value={values.product}
                  onChange={(e) => set('product')(e.currentTarget.value)}
                  error={errors.product}
                  maxLength={200}
                />
                <TextInput
                  label={label('productVersion')}
                  value={values.productVersion}
                  onChange={(e) => set('productVersion')(e.currentTarget.value)}
                  error={errors.productVersion}
                  maxLength={60}
                />
              </SimpleGrid>
              <Group>
                <Switch
                  label={label('eService')}
                  checked={values.eService}
                  onChange={(e) => set('eService')(e.currentTarget.checked)}
                />
                <Switch
                  label={label('ownDeveloped')}
                  checked={values.ownDeveloped}
                  onChange={(e) => set('ownDeveloped')(e.currentTarget.checked)}
                />
              </Group>
              {values.ownDeveloped && (
                <TextInput
                  label={label('productCouncil')}
                  value={values.productCouncil}
                  onChange={(e) => set('productCouncil')(e.currentTarget.value)}
                  error={errors.productCouncil}
                  maxLength={200}
                />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('registry.systems.fieldset.links')}>
            <Stack gap="xs">
              {values.links.map((link, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <Group key={i} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('registry.systems.linkLabel')}
                    value={link.label}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      set('links')(values.links.map((l, j) => (j === i ? { ...l, label } : l)));
                    }}
                    error={errors[`links.${i}.label`]}
                    maxLength={100}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    label={t('registry.systems.linkUrl')}
                    value={link.url}
                    type="url"
                    onChange={(e) => {
                      const url = e.currentTarget.value;
                      set('links')(values.links.map((l, j) => (j === i ? { ...l, url } : l)));
                    }}
                    error={errors[`links.${i}.url`]}
                    maxLength={2000}
                    style={{ flex: 2 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    mb={2}
                    aria-label={t('registry.systems.removeLink')}
                    onClick={() => set('links')(values.links.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => set('links')([...values.links, { label: '', url: '' }])}
                >
                  {t('registry.systems.addLink')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.systems.createSubmit') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
