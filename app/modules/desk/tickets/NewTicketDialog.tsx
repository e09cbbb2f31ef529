import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Ticket,
  type TicketCategory,
  type TicketType,
  ticketCategories,
  ticketCreate,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useGroupOptions, useTicketsInvalidate } from '../api.ts';
import { type Named, PersonSelect, SystemSelect } from '../inputs.tsx';

// An agent registers a ticket (a call, a walk-in): for whom, of which type, and optionally where
// it goes; without a group the routing rules decide, as for the portal's.

interface Values {
  type: TicketType;
  title: string;
  description: string;
  requester: Named | null;
  system: Named | null;
  category: TicketCategory | null;
  impact: 1 | 2 | 3;
  urgency: 1 | 2 | 3;
  groupId: string | null;
  assignee: Named | null;
}

const empty: Values = {
  type: 'incident',
  title: '',
  description: '',
  requester: null,
  system: null,
  category: null,
  impact: 3,
  urgency: 3,
  groupId: null,
  assignee: null,
};

export function NewTicketDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useTicketsInvalidate();
  const groups = useGroupOptions({ enabled: opened });
  const [values, setValues] = useState<Values>(empty);
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (opened) setValues(empty);
  }, [opened]);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const body = () => ({
    type: values.type,
    title: values.title.trim(),
    description: values.description,
    requesterId: values.requester?.id,
    systemId: values.system?.id ?? null,
    category: values.category,
    impact: values.impact,
    urgency: values.urgency,
    groupId: values.groupId,
    assigneeId: values.assignee?.id ?? null,
    channel: 'agent' as const,
  });
  const save = useMutation({
    mutationFn: () => api.post<Ticket>('/api/v1/tickets', body()),
    onSuccess: async (ticket) => {
      await invalidate();
      notifySuccess(t('desk.tickets.create.done', { number: ticket.number }));
      close();
      await navigate({ to: '/desk/tickets/$ticketId', params: { ticketId: ticket.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(save.error), ...client.errors };
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const field = (name: string) => t(`desk.tickets.field.${name}`);
  const levelData = (kind: 'impact' | 'urgency') =>
    [1, 2, 3].map((l) => ({ value: String(l), label: t(`desk.tickets.${kind}.${l}`) }));
  const selectProps = { comboboxProps: { withinPortal: true }, allowDeselect: false };

  return (
    <Dialog opened={opened} onClose={close} title={t('desk.tickets.create.title')} size="lg">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(ticketCreate, body())) save.mutate();
          else focusFirstInvalid(formRef.current);
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={[
              'type',
              'title',
              'description',
              'requesterId',
              'systemId',
              'category',
              'impact',
              'urgency',
              'groupId',
              'assigneeId',
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('type')}
              data={ticketTypes.map((type) => ({ value: type, label: t(`desk.tickets.type.${type}`) }))}
              value={values.type}
              onChange={(v) => v && set('type')(v as TicketType)}
              error={errors.type}
              {...selectProps}
            />
            <PersonSelect
              label={field('requester')}
              description={t('desk.tickets.create.requesterHelp')}
              value={values.requester}
              onChange={set('requester')}
              error={errors.requesterId}
            />
          </SimpleGrid>
          <TextInput
            label={field('title')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={200}
            data-autofocus
          />
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={3}
            maxLength={20_000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SystemSelect
              label={field('system')}
              value={values.system}
              onChange={set('system')}
              error={errors.systemId}
            />
            <Select
              label={field('category')}
              data={ticketCategories.map((c) => ({ value: c, label: t(`desk.tickets.category.${c}`) }))}
              value={values.category}
              onChange={(v) => set('category')((v as TicketCategory) ?? null)}
              error={errors.category}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={field('impact')}
              data={levelData('impact')}
              value={String(values.impact)}
              onChange={(v) => v && set('impact')(Number(v) as 1 | 2 | 3)}
              error={errors.impact}
              {...selectProps}
            />
            <Select
              label={field('urgency')}
              data={levelData('urgency')}
              value={String(values.urgency)}
              onChange={(v) => v && set('urgency')(Number(v) as 1 | 2 | 3)}
              error={errors.urgency}
              {...selectProps}
            />
            <Select
              label={field('group')}
              description={t('desk.tickets.create.groupHelp')}
              data={(groups.data ?? [])
                .filter((g) => !g.archivedAt)
                .map((g) => ({ value: g.id, label: g.name }))}
              value={values.groupId}
              onChange={set('groupId')}
              error={errors.groupId}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <PersonSelect
              label={field('assignee')}
              value={values.assignee}
              onChange={set('assignee')}
              error={errors.assigneeId}
            />
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={t('desk.tickets.create.submit')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
