import { Button, Group, Paper, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Ticket,
  type TicketCategory,
  ticketCategories,
  ticketCreate,
} from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { useTicketsInvalidate } from '../api.ts';
import { type Named, SystemSelect } from '../inputs.tsx';
import { ReportSuggestions } from '../knowledge/Suggestions.tsx';

// "Anmäl ett fel": an employee reports an incident in their own words. How urgent it is and how
// many it affects are asked as plain questions; the answers are the urgency and impact (1 high …
// 3 low) the desk makes a priority of, and its routing finds the group. Knowledge articles that
// match the title are suggested under it as it is typed: one may solve the problem at once.

interface Values {
  title: string;
  description: string;
  system: Named | null;
  category: TicketCategory | null;
  urgency: '1' | '2' | '3';
  impact: '1' | '2' | '3';
}

export function ReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useTicketsInvalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const client = useClientErrors();
  const [values, setValues] = useState<Values>({
    title: '',
    description: '',
    system: null,
    category: null,
    urgency: '3',
    impact: '3',
  });
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const body = () => ({
    type: 'incident' as const,
    title: values.title.trim(),
    description: values.description,
    systemId: values.system?.id ?? null,
    category: values.category,
    urgency: Number(values.urgency) as 1 | 2 | 3,
    impact: Number(values.impact) as 1 | 2 | 3,
    channel: 'portal' as const,
  });
  const save = useMutation({
    mutationFn: () => api.post<Ticket>('/api/v1/tickets', body()),
    onSuccess: async (ticket) => {
      await invalidate();
      notifySuccess(t('desk.portal.report.done', { number: ticket.number }));
      await navigate({ to: '/portal/tickets/$ticketId', params: { ticketId: ticket.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(save.error), ...client.errors };
  const q = (key: string) => t(`desk.portal.report.${key}`);

  return (
    <>
      <PageHeader
        title={t('desk.portal.report.title')}
        description={t('desk.portal.report.description')}
        breadcrumbs={[
          { label: t('desk.navGroup') },
          { label: t('desk.portal.mine.title'), to: '/portal/tickets' },
          { label: t('desk.portal.report.title') },
        ]}
      />
      <Paper withBorder p="lg" maw={760}>
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (client.check(ticketCreate, body())) save.mutate();
            else focusFirstInvalid(formRef.current);
          }}
        >
          <Stack gap="md">
            <ProblemAlert
              error={save.error}
              fields={['title', 'description', 'systemId', 'category', 'urgency', 'impact']}
            />
            <TextInput
              label={t('desk.portal.report.titleLabel')}
              description={t('desk.portal.report.titleHelp')}
              value={values.title}
              onChange={(e) => set('title')(e.currentTarget.value)}
              error={errors.title}
              required
              maxLength={200}
            />
            <ReportSuggestions title={values.title} systemId={values.system?.id} />
            <Textarea
              label={t('desk.portal.report.descriptionLabel')}
              description={t('desk.portal.report.descriptionHelp')}
              value={values.description}
              onChange={(e) => set('description')(e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={4}
              maxLength={20_000}
            />
            <SystemSelect
              label={t('desk.portal.report.systemLabel')}
              description={t('desk.portal.report.systemHelp')}
              placeholder={t('desk.portal.report.systemPlaceholder')}
              value={values.system}
              onChange={set('system')}
              error={errors.systemId}
            />
            <Select
              label={t('desk.portal.report.categoryLabel')}
              data={ticketCategories.map((c) => ({ value: c, label: t(`desk.portal.category.${c}`) }))}
              value={values.category}
              onChange={(v) => set('category')((v as TicketCategory) ?? null)}
              error={errors.category}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <Radio.Group
              label={t('desk.portal.report.urgencyLabel')}
              value={values.urgency}
              onChange={(v) => set('urgency')(v as Values['urgency'])}
              error={errors.urgency}
            >
              <Stack gap="xs" mt="xs">
                {(['1', '2', '3'] as const).map((level) => (
                  <Radio key={level} value={level} label={q(`urgency${level}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group
              label={t('desk.portal.report.impactLabel')}
              value={values.impact}
              onChange={(v) => set('impact')(v as Values['impact'])}
              error={errors.impact}
            >
              <Stack gap="xs" mt="xs">
                {(['3', '2', '1'] as const).map((level) => (
                  <Radio key={level} value={level} label={q(`impact${level}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end" mt="sm">
              <RouterButton to="/portal/tickets" variant="default">
                {t('common.cancel')}
              </RouterButton>
              <Button type="submit" loading={save.isPending}>
                {t('desk.portal.report.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
