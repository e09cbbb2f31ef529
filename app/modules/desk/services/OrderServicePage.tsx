import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAnswers } from '../../../../shared/desk/services.ts';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert, translateMessage, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { Redirect, RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useTicketsInvalidate } from '../api.ts';
import { useCatalogueService } from './api.ts';
import { type AnswerValues, answerErrorsOf, answersOf, OrderFields } from './OrderFields.tsx';
import { useOrderLink } from './order-links.ts';

// Ordering one service in the portal: its order form rendered from its fields, checked as typed
// by the same rules the server checks with (shared checkAnswers), sent as a request on the
// service; the employee then follows it on the portal's page of the ticket. A service another
// module claims (./order-links.ts) is ordered on that module's form: the page sends there.

export function OrderServicePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useTicketsInvalidate();
  const { serviceId } = useParams({ from: '/_app/portal/order/$serviceId' });
  const query = useCatalogueService(serviceId);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AnswerValues>({});
  const [description, setDescription] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const service = query.data;
  const save = useMutation({
    mutationFn: () =>
      api.post<Ticket>('/api/v1/tickets', {
        type: 'request',
        serviceId,
        orderAnswers: answersOf(service?.orderForm ?? [], values),
        title: service?.name ?? '',
        description,
      }),
    onSuccess: async (ticket) => {
      await invalidate();
      notifySuccess(t('desk.services.order.done', { number: ticket.number }));
      await navigate({ to: '/portal/tickets/$ticketId', params: { ticketId: ticket.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const serverFields = useFieldErrors(save.error);
  const claimed = useOrderLink()(serviceId);
  if (claimed) return <Redirect to={claimed.to} search={claimed.search} />;
  if (!service || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const errors = { ...answerErrorsOf(t, save.error), ...clientErrors };
  const title = t('desk.services.order.formTitle', { name: service.name });

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t('desk.navGroup') },
          { label: t('desk.services.order.title'), to: '/portal/order' },
          { label: service.name },
        ]}
      />
      <Paper withBorder p="lg" maw={760}>
        {!service.can.order ? (
          <Alert variant="light" color="gray">
            {t('desk.services.order.notOrderable')}
          </Alert>
        ) : (
          <form
            ref={formRef}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = checkAnswers(service.orderForm, answersOf(service.orderForm, values));
              const translated = Object.fromEntries(
                Object.entries(found).map(([key, message]) => [key, translateMessage(t, message)]),
              );
              setClientErrors(translated);
              if (Object.keys(translated).length === 0) save.mutate();
              else focusFirstInvalid(formRef.current);
            }}
          >
            <Stack gap="md">
              {service.description && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {service.description}
                </Text>
              )}
              <ProblemAlert error={save.error} fields={['orderAnswers', 'description']} />
              <OrderFields
                form={service.orderForm}
                values={values}
                onChange={(key, value) => {
                  setValues((v) => ({ ...v, [key]: value }));
                  setClientErrors(({ [key]: _gone, ...rest }) => rest);
                }}
                errors={errors}
                idPrefix="order"
              />
              <Textarea
                label={t('desk.services.order.moreLabel')}
                description={t('desk.services.order.moreHelp')}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={serverFields.description}
                autosize
                minRows={3}
                maxLength={20_000}
              />
              <Group justify="flex-end" mt="sm">
                <RouterButton to="/portal/order" variant="default">
                  {t('common.cancel')}
                </RouterButton>
                <Button type="submit" loading={save.isPending}>
                  {t('desk.services.order.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </>
  );
}
