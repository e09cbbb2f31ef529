import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/catalogue/orders.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { catalogueKeys, useCatalogueInvalidate } from '../api.ts';
import { OrderStatusBadge } from './parts.tsx';

// One order: what, for whom, the kontering, the attest and the desk's request; the budget holder
// approves or rejects it with a reason, the agent working the request marks it delivered.

export function OrderPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.orders.${key}`, o);
  const { orderId } = useParams({ from: '/_app/catalogue/orders/$orderId' });
  const invalidate = useCatalogueInvalidate();
  const order = useQuery({
    queryKey: catalogueKeys.order(orderId),
    queryFn: ({ signal }) => api.get<Order>(`/api/v1/catalogue/orders/${orderId}`, { signal }),
  });
  const [rejecting, setRejecting] = useState(false);
  const [delivering, setDelivering] = useState(false);
  const approve = useMutation({
    mutationFn: (o: Order) => api.post(`/api/v1/catalogue/orders/${o.id}/approve`, { version: o.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('approved'));
    },
  });
  const o = order.data;
  return (
    <>
      <PageHeader
        title={o ? o.offering.name : m('title')}
        badges={o && <OrderStatusBadge status={o.status} />}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/orders' },
          { label: o?.offering.name ?? '' },
        ]}
        actions={
          o && (
            <Group>
              {o.can.approve && (
                <Button onClick={() => approve.mutate(o)} loading={approve.isPending}>
                  {m('approve')}
                </Button>
              )}
              {o.can.reject && (
                <Button variant="default" onClick={() => setRejecting(true)}>
                  {m('reject')}
                </Button>
              )}
              {o.can.deliver && <Button onClick={() => setDelivering(true)}>{m('deliver')}</Button>}
            </Group>
          )
        }
      />
      <ProblemAlert error={order.error ?? approve.error} />
      {o && (
        <Section title={m('details')} id="order-details">
          <DetailList
            items={[
              { label: m('for'), value: o.forPerson?.name ?? <EmptyValue /> },
              { label: m('unit'), value: o.unit.name },
              { label: m('quantity'), value: f.number(o.quantity) },
              { label: m('kontering.costCentre'), value: o.kontering.costCentre },
              { label: m('kontering.account'), value: o.kontering.account },
              { label: m('kontering.activity'), value: o.kontering.activity ?? <EmptyValue /> },
              { label: m('kontering.counterpart'), value: o.kontering.counterpart ?? <EmptyValue /> },
              { label: m('note'), value: o.note ?? <EmptyValue /> },
              { label: m('orderedBy'), value: o.orderedBy?.name ?? <EmptyValue /> },
              { label: m('orderedAt'), value: f.dateTime(o.createdAt) },
              { label: m('decidedBy'), value: o.decidedBy?.name ?? <EmptyValue /> },
              { label: m('decisionReason'), value: o.decisionReason ?? <EmptyValue /> },
              {
                label: m('ticket'),
                value: o.ticket ? (
                  <RouterAnchor to="/desk/tickets/$ticketId" params={{ ticketId: o.ticket.id }} size="sm">
                    {o.ticket.number}
                  </RouterAnchor>
                ) : (
                  <EmptyValue />
                ),
              },
              { label: m('deliveredOn'), value: o.deliveredOn ? f.date(o.deliveredOn) : <EmptyValue /> },
            ]}
          />
        </Section>
      )}
      {o && <RejectDialog order={o} opened={rejecting} onClose={() => setRejecting(false)} />}
      {o && <DeliverDialog order={o} opened={delivering} onClose={() => setDelivering(false)} />}
    </>
  );
}

function RejectDialog({ order, opened, onClose }: { order: Order; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.orders.${key}`);
  const invalidate = useCatalogueInvalidate();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/catalogue/orders/${order.id}/reject`, { version: order.version, reason }),
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <Dialog opened={opened} onClose={onClose} title={m('rejectTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} fields={['reason']} />
          <Textarea
            label={m('reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <DialogFooter onCancel={onClose} label={m('reject')} loading={save.isPending} color="red" />
        </Stack>
      </form>
    </Dialog>
  );
}

function DeliverDialog({ order, opened, onClose }: { order: Order; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.orders.${key}`);
  const invalidate = useCatalogueInvalidate();
  const [deliveredOn, setDeliveredOn] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/catalogue/orders/${order.id}/deliver`, { version: order.version, deliveredOn }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('delivered'));
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <Dialog opened={opened} onClose={onClose} title={m('deliverTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} fields={['deliveredOn']} />
          <DateField
            label={m('deliveredOn')}
            description={m('deliveredOnHelp')}
            value={deliveredOn}
            onChange={setDeliveredOn}
            error={errors.deliveredOn}
          />
          <DialogFooter onCancel={onClose} label={m('deliver')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
