import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClockStart,
  clockStarts,
  defaultEscalation,
  defaultTargets,
  leadNotices,
  priorities,
  type ServiceLevel,
  type ServiceLevelKind,
  serviceLevelCreate,
  serviceLevelKinds,
  type Targets,
} from '../../../../shared/desk/services.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { useGroupOptions } from '../api.ts';
import { CalendarSelect, ContractSelect, GroupSelect, type Named } from '../inputs.tsx';
import { useLevelsInvalidate } from './api.ts';

// Creating and changing a service level: its kind (the desk's promise or a supplier's contract,
// which names the register's contract), the calendar the minutes count on, when the clocks start,
// the warning share, per priority a response and a resolution target typed as hours and minutes
// of business time (both empty: no target), and what a breach sets off. Checked as typed by the
// server's own schema, each message beside its input; edits carry their version.

type Clock = 'response' | 'resolution';
/** A target as typed: hours and minutes, each a number or empty. */
type Typed = { hours: number | ''; minutes: number | '' };
type TypedTargets = Record<(typeof priorities)[number], Record<Clock, Typed>>;

interface LevelValues {
  name: string;
  description: string;
  kind: ServiceLevelKind;
  calendar: Named | null;
  clockStart: ClockStart;
  warningPercent: number | '';
  targets: TypedTargets;
  notifyLead: (typeof leadNotices)[number];
  raisePriority: boolean;
  reassignGroup: Named | null;
  contract: Named | null;
  isDefault: boolean;
}

function typed(minutes: number | null): Typed {
  if (minutes === null) return { hours: '', minutes: '' };
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Hours and minutes as minutes; both empty is no target. */
function minutesOf(v: Typed): number | null {
  if (v.hours === '' && v.minutes === '') return null;
  return Number(v.hours || 0) * 60 + Number(v.minutes || 0);
}

function typedTargets(targets: Targets): TypedTargets {
  return Object.fromEntries(
    priorities.map((p) => [
      p,
      { response: typed(targets[p].response), resolution: typed(targets[p].resolution) },
    ]),
  ) as TypedTargets;
}

function targetsOf(values: TypedTargets): Targets {
  return Object.fromEntries(
    priorities.map((p) => [
      p,
      { response: minutesOf(values[p].response), resolution: minutesOf(values[p].resolution) },
    ]),
  ) as Targets;
}

function valuesOf(l: ServiceLevel | null): LevelValues {
  const escalation = l?.escalation ?? defaultEscalation;
  return {
    name: l?.name ?? '',
    description: l?.description ?? '',
    kind: l?.kind ?? 'service',
    calendar: l?.calendarId ? { id: l.calendarId, name: l.calendarName ?? '' } : null,
    clockStart: l?.clockStart ?? 'creation',
    warningPercent: l?.warningPercent ?? 80,
    targets: typedTargets(l?.targets ?? defaultTargets),
    notifyLead: escalation.notifyLead,
    raisePriority: escalation.raisePriority,
    // Only the id is on the level; the picker shows the group's name once it has found it.
    reassignGroup: escalation.reassignGroupId ? { id: escalation.reassignGroupId, name: '' } : null,
    contract: l?.contractId ? { id: l.contractId, name: l.contractTitle ?? '' } : null,
    isDefault: l?.isDefault ?? false,
  };
}

function payloadOf(v: LevelValues) {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    kind: v.kind,
    calendarId: v.calendar?.id ?? null,
    clockStart: v.clockStart,
    warningPercent: v.warningPercent === '' ? Number.NaN : Number(v.warningPercent),
    targets: targetsOf(v.targets),
    escalation: {
      notifyLead: v.notifyLead,
      raisePriority: v.raisePriority,
      reassignGroupId: v.reassignGroup?.id ?? null,
    },
    contractId: v.kind === 'underpinning' ? (v.contract?.id ?? null) : null,
    isDefault: v.kind === 'service' ? v.isDefault : false,
  };
}

const fields = [
  'name',
  'description',
  'kind',
  'calendarId',
  'clockStart',
  'warningPercent',
  'targets',
  'escalation',
  'contractId',
  'isDefault',
];

/** Every issue of the schema by its whole path (`targets.1.response`), for messages beside each input. */
function detailedErrors(input: unknown): Record<string, string> {
  const result = serviceLevelCreate.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

export function LevelFormModal({
  opened,
  onClose,
  level,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  level: ServiceLevel | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useLevelsInvalidate();
  const groups = useGroupOptions({ enabled: opened });
  const [tried, setTried] = useState(false);
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose: () => {
      setTried(false);
      onClose();
    },
    record: level,
    initial: () => valuesOf(level),
    collection: '/api/v1/service-levels',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (l) => payloadOf(valuesOf(l)),
    schema: serviceLevelCreate,
    invalidate,
    createdMessage: (saved) => t('desk.services.levels.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/desk/service-levels/$levelId', params: { levelId: saved.id } }),
    onReload,
  });
  const detail = useMemo(() => (tried ? detailedErrors(payloadOf(values)) : {}), [tried, values]);
  const errorAt = (path: string) => {
    const message = detail[path];
    return message ? translateMessage(t, message) : undefined;
  };
  const field = (name: string) => t(`desk.services.levels.field.${name}`);
  const set =
    <K extends keyof LevelValues>(key: K) =>
    (value: LevelValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const setTarget = (p: (typeof priorities)[number], clock: Clock, part: keyof Typed, value: number | '') =>
    setValues((v) => ({
      ...v,
      targets: { ...v.targets, [p]: { ...v.targets[p], [clock]: { ...v.targets[p][clock], [part]: value } } },
    }));
  const number = (value: string | number): number | '' => (value === '' ? '' : Number(value));
  const targetsError = errors.targets && !Object.keys(detail).some((k) => k.startsWith('targets.'));

  const targetInputs = (p: (typeof priorities)[number], clock: Clock) => {
    const label = field(clock);
    const error = errorAt(`targets.${p}.${clock}`);
    return (
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="center">
          <NumberInput
            aria-label={t('desk.services.levels.hoursOf', { clock: label, priority: p })}
            value={values.targets[p][clock].hours}
            onChange={(value) => setTarget(p, clock, 'hours', number(value))}
            min={0}
            max={16_666}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            w={72}
            error={!!error}
          />
          <Text size="sm" aria-hidden>
            {t('desk.services.levels.hours')}
          </Text>
          <NumberInput
            aria-label={t('desk.services.levels.minutesOf', { clock: label, priority: p })}
            value={values.targets[p][clock].minutes}
            onChange={(value) => setTarget(p, clock, 'minutes', number(value))}
            min={0}
            max={59}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            w={60}
            error={!!error}
          />
          <Text size="sm" aria-hidden>
            {t('desk.services.levels.minutes')}
          </Text>
        </Group>
        {error && (
          <Text size="xs" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.services.levels.createTitle') : t('desk.services.levels.editTitle')}
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
            fields={fields}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('kind')}
              description={t(`desk.services.levels.kindHelp.${values.kind}`)}
              data={serviceLevelKinds.map((k) => ({ value: k, label: t(`desk.services.levels.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as ServiceLevelKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            {values.kind === 'underpinning' ? (
              <ContractSelect
                label={field('contract')}
                description={t('desk.services.levels.contractHelp')}
                value={values.contract}
                onChange={set('contract')}
                error={errors.contractId}
                required
              />
            ) : (
              <Switch
                label={field('isDefault')}
                description={t('desk.services.levels.defaultHelp')}
                checked={values.isDefault}
                onChange={(e) => set('isDefault')(e.currentTarget.checked)}
                error={errors.isDefault}
                mt="lg"
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CalendarSelect
              label={field('calendar')}
              description={t('desk.services.levels.calendarHelp')}
              value={values.calendar}
              onChange={set('calendar')}
              error={errors.calendarId}
            />
            <Select
              label={field('clockStart')}
              data={clockStarts.map((c) => ({ value: c, label: t(`desk.services.levels.clockStart.${c}`) }))}
              value={values.clockStart}
              onChange={(v) => v && set('clockStart')(v as ClockStart)}
              error={errors.clockStart}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={field('warningPercent')}
              description={t('desk.services.levels.warningHelp')}
              value={values.warningPercent}
              onChange={(v) => set('warningPercent')(number(v))}
              error={errors.warningPercent}
              min={1}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              required
            />
          </SimpleGrid>
          <Fieldset legend={t('desk.services.levels.targetsTitle')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('desk.services.levels.targetHelp')}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Caption className="visually-hidden">
                  {t('desk.services.levels.targetsCaption')}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{field('priority')}</Table.Th>
                    <Table.Th scope="col">{field('response')}</Table.Th>
                    <Table.Th scope="col">{field('resolution')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {priorities.map((p) => (
                    <Table.Tr key={p}>
                      <Table.Th scope="row">{t(`desk.tickets.priority.${p}`)}</Table.Th>
                      <Table.Td>{targetInputs(p, 'response')}</Table.Td>
                      <Table.Td>{targetInputs(p, 'resolution')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {targetsError && (
              <Text size="xs" c="red.8">
                {errors.targets}
              </Text>
            )}
          </Fieldset>
          <Fieldset legend={t('desk.services.levels.escalationTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={field('notifyLead')}
                data={leadNotices.map((n) => ({
                  value: n,
                  label: t(`desk.services.levels.notifyLead.${n}`),
                }))}
                value={values.notifyLead}
                onChange={(v) => v && set('notifyLead')(v as LevelValues['notifyLead'])}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <GroupSelect
                label={field('reassignGroup')}
                value={
                  values.reassignGroup && !values.reassignGroup.name
                    ? {
                        ...values.reassignGroup,
                        name: groups.data?.find((g) => g.id === values.reassignGroup?.id)?.name ?? '',
                      }
                    : values.reassignGroup
                }
                onChange={set('reassignGroup')}
                error={errorAt('escalation.reassignGroupId') ?? errors.escalation}
              />
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label={field('raisePriority')}
              checked={values.raisePriority}
              onChange={(e) => set('raisePriority')(e.currentTarget.checked)}
            />
          </Fieldset>
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.services.levels.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
