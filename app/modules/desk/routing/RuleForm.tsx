import { MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type RoutingRule,
  type RoutingTarget,
  routingRuleCreate,
  routingTargets,
} from '../../../../shared/desk/routing.ts';
import {
  type TicketCategory,
  type TicketType,
  ticketCategories,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { GroupSelect, type Named } from '../inputs.tsx';
import { useRoutingInvalidate } from './api.ts';

// Creating and changing a routing rule: its conditions (any listed value will do; an empty one
// always holds) and where it sends a ticket. Edits carry their version.

interface RuleValues {
  name: string;
  types: TicketType[];
  categories: TicketCategory[];
  keywords: string[];
  /** '' any, 'yes' names a system, 'no' names none. */
  hasSystem: '' | 'yes' | 'no';
  target: RoutingTarget;
  group: Named | null;
  active: boolean;
}

function valuesOf(r: RoutingRule | null): RuleValues {
  const c = r?.conditions ?? {};
  return {
    name: r?.name ?? '',
    types: c.types ?? [],
    categories: c.categories ?? [],
    keywords: c.keywords ?? [],
    hasSystem: c.hasSystem === undefined ? '' : c.hasSystem ? 'yes' : 'no',
    target: r?.target ?? 'group',
    group: r?.groupId ? { id: r.groupId, name: r.groupName ?? '' } : null,
    active: r?.active ?? true,
  };
}

const fields = ['name', 'conditions', 'target', 'groupId', 'active'];

export function RuleFormModal({
  opened,
  onClose,
  rule,
}: {
  opened: boolean;
  onClose: () => void;
  rule: RoutingRule | null;
}) {
  const { t } = useTranslation();
  const invalidate = useRoutingInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: rule,
    initial: () => valuesOf(rule),
    collection: '/api/v1/routing-rules',
    payload: (v: RuleValues) => ({
      name: v.name.trim(),
      conditions: {
        ...(v.types.length ? { types: v.types } : {}),
        ...(v.categories.length ? { categories: v.categories } : {}),
        ...(v.keywords.length ? { keywords: v.keywords } : {}),
        // Conditions the form does not edit (systems, units) are kept as they were.
        ...(rule?.conditions.systemIds ? { systemIds: rule.conditions.systemIds } : {}),
        ...(rule?.conditions.unitIds ? { unitIds: rule.conditions.unitIds } : {}),
        ...(v.hasSystem ? { hasSystem: v.hasSystem === 'yes' } : {}),
      },
      target: v.target,
      groupId: v.group?.id ?? null,
      active: v.active,
    }),
    createOnly: () => ({}),
    before: (r) => ({
      name: r.name,
      conditions: r.conditions,
      target: r.target,
      groupId: r.groupId,
      active: r.active,
    }),
    schema: routingRuleCreate,
    invalidate,
    createdMessage: (saved) => t('desk.routing.created', { name: saved.name }),
    onCreated: async () => {},
    onReload: invalidate,
  });
  const field = (name: string) => t(`desk.routing.field.${name}`);
  const set =
    <K extends keyof RuleValues>(key: K) =>
    (value: RuleValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.routing.createTitle') : t('desk.routing.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
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
            <MultiSelect
              label={field('types')}
              description={t('desk.routing.anyHelp')}
              data={ticketTypes.map((v) => ({ value: v, label: t(`desk.tickets.type.${v}`) }))}
              value={values.types}
              onChange={(v) => set('types')(v as TicketType[])}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label={field('categories')}
              description={t('desk.routing.anyHelp')}
              data={ticketCategories.map((v) => ({ value: v, label: t(`desk.tickets.category.${v}`) }))}
              value={values.categories}
              onChange={(v) => set('categories')(v as TicketCategory[])}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TagsInput
            label={field('keywords')}
            description={t('desk.routing.keywordsHelp')}
            value={values.keywords}
            onChange={set('keywords')}
            error={errors.conditions}
            maxTags={50}
          />
          <Select
            label={field('hasSystem')}
            data={[
              { value: '', label: t('desk.routing.hasSystem.any') },
              { value: 'yes', label: t('desk.routing.hasSystem.yes') },
              { value: 'no', label: t('desk.routing.hasSystem.no') },
            ]}
            value={values.hasSystem}
            onChange={(v) => set('hasSystem')((v ?? '') as RuleValues['hasSystem'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('target')}
              data={routingTargets.map((v) => ({ value: v, label: t(`desk.routing.target.${v}`) }))}
              value={values.target}
              onChange={(v) => v && set('target')(v as RoutingTarget)}
              error={errors.target}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <GroupSelect
              label={values.target === 'group' ? field('group') : field('fallbackGroup')}
              description={values.target === 'group' ? undefined : t('desk.routing.fallbackHelp')}
              value={values.group}
              onChange={set('group')}
              error={errors.groupId}
              required={values.target === 'group'}
            />
          </SimpleGrid>
          <Switch
            label={field('active')}
            checked={values.active}
            onChange={(e) => set('active')(e.currentTarget.checked)}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.routing.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
