import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CatalogueService,
  type FormField,
  type FormFieldType,
  formFieldTypes,
  serviceCreate,
} from '../../../../shared/desk/services.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { GroupSelect, type Named, PersonSelect, ServiceLevelSelect, SystemSelect } from '../inputs.tsx';
import { useServicesInvalidate } from './api.ts';

// Creating and changing a catalogue service: what it is, who owns and fulfils it, the service
// level that applies, and its order form, built field by field: added, removed and moved up or
// down with buttons (so by keyboard too), each with its label, type, help, whether it is required
// and a select's choices. A new field's key follows its label until the key is typed itself.
// Checked as typed by the server's own schema, each message beside its input.

interface BuilderField {
  /** The row's identity while it is edited (keys may change). */
  uid: number;
  key: string;
  /** The key was typed, not derived from the label. */
  keyTyped: boolean;
  label: string;
  help: string;
  type: FormFieldType;
  required: boolean;
  options: string;
}

interface ServiceValues {
  name: string;
  description: string;
  owner: Named | null;
  group: Named | null;
  level: Named | null;
  system: Named | null;
  orderable: boolean;
  fields: BuilderField[];
}

/** A key from a label: "Önskat datum" → "onskat-datum". */
export function keyOf(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return key || 'falt';
}

/** The key, made unique among the others by a number at its end. */
function uniqueKey(key: string, others: string[]): string {
  if (!others.includes(key)) return key;
  for (let n = 2; ; n++) {
    const candidate = `${key.slice(0, 36)}-${n}`;
    if (!others.includes(candidate)) return candidate;
  }
}

let nextUid = 1;

function builderFields(form: readonly FormField[]): BuilderField[] {
  return form.map((f) => ({
    uid: nextUid++,
    key: f.key,
    keyTyped: true,
    label: f.label,
    help: f.help ?? '',
    type: f.type,
    required: f.required,
    options: (f.options ?? []).join('\n'),
  }));
}

function formOf(fields: BuilderField[]): FormField[] {
  return fields.map((f) => ({
    key: f.key,
    label: f.label.trim(),
    help: orNull(f.help),
    type: f.type,
    required: f.required,
    ...(f.type === 'select'
      ? {
          options: f.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
        }
      : {}),
  }));
}

function valuesOf(s: CatalogueService | null): ServiceValues {
  return {
    name: s?.name ?? '',
    description: s?.description ?? '',
    owner: s?.ownerId ? { id: s.ownerId, name: s.ownerName ?? '' } : null,
    group: s?.groupId ? { id: s.groupId, name: s.groupName ?? '' } : null,
    level: s?.serviceLevelId ? { id: s.serviceLevelId, name: s.serviceLevelName ?? '' } : null,
    system: s?.systemId ? { id: s.systemId, name: s.systemName ?? '' } : null,
    orderable: s?.orderable ?? true,
    fields: builderFields(s?.orderForm ?? []),
  };
}

function payloadOf(v: ServiceValues) {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    ownerId: v.owner?.id ?? null,
    groupId: v.group?.id ?? null,
    serviceLevelId: v.level?.id ?? null,
    systemId: v.system?.id ?? null,
    orderable: v.orderable,
    orderForm: formOf(v.fields),
  };
}

/** Every issue of the schema by its whole path (`orderForm.0.options`). */
function detailedErrors(input: unknown): Record<string, string> {
  const result = serviceCreate.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

const topFields = [
  'name',
  'description',
  'ownerId',
  'groupId',
  'serviceLevelId',
  'systemId',
  'orderable',
  'orderForm',
];

function FieldEditor({
  field,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errorAt,
}: {
  field: BuilderField;
  index: number;
  count: number;
  onChange: (next: BuilderField) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const b = (key: string) => t(`desk.services.services.builder.${key}`);
  const at = (name: string) => errorAt(`orderForm.${index}.${name}`);
  return (
    <Fieldset
      legend={t('desk.services.services.builder.legend', {
        n,
        label: field.label.trim() || b('untitled'),
      })}
      data-testid={`order-field-${n}`}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={b('label')}
            value={field.label}
            onChange={(e) => {
              const label = e.currentTarget.value;
              onChange({ ...field, label, key: field.keyTyped ? field.key : keyOf(label) });
            }}
            error={at('label')}
            required
            maxLength={120}
          />
          <Select
            label={b('type')}
            data={formFieldTypes.map((type) => ({ value: type, label: b(`types.${type}`) }))}
            value={field.type}
            onChange={(v) => v && onChange({ ...field, type: v as FormFieldType })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {field.type === 'select' && (
          <Textarea
            label={b('options')}
            value={field.options}
            onChange={(e) => onChange({ ...field, options: e.currentTarget.value })}
            error={at('options') ?? at('options.0')}
            autosize
            minRows={3}
            required
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={b('help')}
            value={field.help}
            onChange={(e) => onChange({ ...field, help: e.currentTarget.value })}
            error={at('help')}
            maxLength={300}
          />
          <TextInput
            label={b('key')}
            description={b('keyHelp')}
            value={field.key}
            onChange={(e) => onChange({ ...field, key: e.currentTarget.value, keyTyped: true })}
            error={at('key')}
            maxLength={40}
            required
          />
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          <Checkbox
            label={b('required')}
            checked={field.required}
            onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
          />
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={t('desk.services.services.builder.moveUp', { n })}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('desk.services.services.builder.moveDown', { n })}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={t('desk.services.services.builder.remove', { n })}
              onClick={onRemove}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function ServiceFormModal({
  opened,
  onClose,
  service,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  service: CatalogueService | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useServicesInvalidate();
  const [tried, setTried] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose: () => {
      setTried(false);
      onClose();
    },
    record: service,
    initial: () => valuesOf(service),
    collection: '/api/v1/catalogue-services',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (s) => payloadOf(valuesOf(s)),
    schema: serviceCreate,
    invalidate,
    createdMessage: (saved) => t('desk.services.services.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/desk/services/$serviceId', params: { serviceId: saved.id } }),
    onReload,
  });
  const detail = useMemo(() => (tried ? detailedErrors(payloadOf(values)) : {}), [tried, values]);
  const errorAt = (path: string) => {
    const message = detail[path];
    return message ? translateMessage(t, message) : undefined;
  };
  const field = (name: string) => t(`desk.services.services.field.${name}`);
  const set =
    <K extends keyof ServiceValues>(key: K) =>
    (value: ServiceValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const setFields = (update: (fields: BuilderField[]) => BuilderField[]) =>
    setValues((v) => ({ ...v, fields: update(v.fields) }));
  const formError = errorAt('orderForm') ?? (detail.orderForm ? undefined : errors.orderForm);

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.services.services.createTitle') : t('desk.services.services.editTitle')}
      size="xl"
    >
      <form
        ref={formRef}
        onSubmit={(e) => {
          setTried(true);
          submit(e);
        }}
        noValidate
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={topFields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={120}
            data-autofocus
          />
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <GroupSelect
              label={field('group')}
              description={t('desk.services.services.groupHelp')}
              value={values.group}
              onChange={set('group')}
              error={errors.groupId}
            />
            <ServiceLevelSelect
              label={field('level')}
              description={t('desk.services.services.levelHelp')}
              value={values.level}
              onChange={set('level')}
              error={errors.serviceLevelId}
            />
            <PersonSelect
              label={field('owner')}
              value={values.owner}
              onChange={set('owner')}
              error={errors.ownerId}
            />
            <SystemSelect
              label={field('system')}
              value={values.system}
              onChange={set('system')}
              error={errors.systemId}
            />
          </SimpleGrid>
          <Switch
            label={field('orderable')}
            description={t('desk.services.services.orderableHelp')}
            checked={values.orderable}
            onChange={(e) => set('orderable')(e.currentTarget.checked)}
          />
          <Stack gap="sm" role="group" aria-labelledby="order-form-builder-title">
            <Text fw={600} id="order-form-builder-title">
              {t('desk.services.services.formTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('desk.services.services.formHelp')}
            </Text>
            {values.fields.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('desk.services.services.builder.none')}
              </Text>
            )}
            {values.fields.map((f, i) => (
              <FieldEditor
                key={f.uid}
                field={f}
                index={i}
                count={values.fields.length}
                errorAt={errorAt}
                onChange={(next) =>
                  setFields((all) => {
                    const others = all.filter((x) => x.uid !== f.uid).map((x) => x.key);
                    const named = next.keyTyped ? next : { ...next, key: uniqueKey(next.key, others) };
                    return all.map((x) => (x.uid === f.uid ? named : x));
                  })
                }
                onMove={(by) =>
                  setFields((all) => {
                    const copy = [...all];
                    const [moved] = copy.splice(i, 1);
                    copy.splice(i + by, 0, moved!);
                    return copy;
                  })
                }
                onRemove={() => {
                  setFields((all) => all.filter((x) => x.uid !== f.uid));
                  // The removed field's buttons are gone: focus moves on to "add".
                  addRef.current?.focus();
                }}
              />
            ))}
            {formError && (
              <Text size="sm" c="red.8" role="alert">
                {formError}
              </Text>
            )}
            <div>
              <Button
                ref={addRef}
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setFields((all) => [
                    ...all,
                    {
                      uid: nextUid++,
                      key: uniqueKey(
                        'falt',
                        all.map((x) => x.key),
                      ),
                      keyTyped: false,
                      label: '',
                      help: '',
                      type: 'text',
                      required: false,
                      options: '',
                    },
                  ])
                }
              >
                {t('desk.services.services.builder.add')}
              </Button>
            </div>
          </Stack>
          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.services.services.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
