import { Button, SegmentedControl, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/catalogue/orders.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { catalogueKeys } from '../api.ts';
import { konteringText, OrderStatusBadge } from './parts.tsx';

// My orders, and the budget holder's queue of orders waiting for attest (newest first).

type View = 'mine' | 'queue';

export function OrdersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string) => t(`catalogue.orders.${key}`);
  const [view, setView] = useState<View>('mine');
  const list = useCursorList<Order>([...catalogueKeys.orders, view], '/api/v1/catalogue/orders', {
    view,
    limit: 50,
  });
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Button component={Link} to="/catalogue/order">
            {m('newTitle')}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={m('viewLabel')}
        value={view}
        onChange={(v) => setView(v as View)}
        data={[
          { value: 'mine', label: m('view.mine') },
          { value: 'queue', label: m('view.queue') },
        ]}
      />
      <CursorTable
        list={list}
        caption={view === 'mine' ? m('view.mine') : m('view.queue')}
        colSpan={6}
        minWidth={900}
        emptyText={view === 'mine' ? m('noneMine') : m('noneQueue')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('offering')}</Table.Th>
            <Table.Th scope="col">{m('for')}</Table.Th>
            <Table.Th scope="col">{m('unit')}</Table.Th>
            <Table.Th scope="col">{m('konteringLegend')}</Table.Th>
            <Table.Th scope="col">{m('statusLabel')}</Table.Th>
            <Table.Th scope="col">{m('orderedAt')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <RouterAnchor to="/catalogue/orders/$orderId" params={{ orderId: o.id }} fw={500} size="sm">
                {o.offering.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>{o.forPerson?.name ?? <EmptyValue />}</Table.Td>
            <Table.Td>{o.unit.name}</Table.Td>
            <Table.Td>{konteringText(o.kontering)}</Table.Td>
            <Table.Td>
              <OrderStatusBadge status={o.status} />
            </Table.Td>
            <Table.Td>{f.date(o.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}
