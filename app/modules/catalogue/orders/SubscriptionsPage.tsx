import { Button, Table } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '../../../../shared/catalogue/orders.ts';
import { api } from '../../../platform/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { catalogueKeys, useCatalogueInvalidate } from '../api.ts';
import { konteringText } from './parts.tsx';

// Subscriptions per unit: what runs from which delivery date, with its kontering; the unit's
// ekonom cancels one and it ends at the end of the month (what the chargeback run reads).

export function SubscriptionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string) => t(`catalogue.subscriptions.${key}`);
  const [unitId, setUnitId] = useState<string | null>(null);
  const invalidate = useCatalogueInvalidate();
  const list = useCursorList<Subscription>(catalogueKeys.subscriptions, '/api/v1/catalogue/subscriptions', {
    unitId: unitId ?? undefined,
    limit: 50,
  });
  const cancel = useMutation({
    mutationFn: (s: Subscription) =>
      api.post(`/api/v1/catalogue/subscriptions/${s.id}/cancel`, { version: s.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(m('cancelled'));
    },
  });
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
      />
      <FilterBar label={m('filters')}>
        <UnitSelect label={m('unit')} value={unitId} onChange={setUnitId} w={360} />
      </FilterBar>
      <ProblemAlert error={cancel.error} />
      <CursorTable
        list={list}
        caption={m('caption')}
        colSpan={7}
        minWidth={1000}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('offering')}</Table.Th>
            <Table.Th scope="col">{m('unit')}</Table.Th>
            <Table.Th scope="col">{m('person')}</Table.Th>
            <Table.Th scope="col">{m('kontering')}</Table.Th>
            <Table.Th scope="col">{m('startsOn')}</Table.Th>
            <Table.Th scope="col">{m('endsOn')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Th scope="row" fw={500}>
              {s.offering.name}
            </Table.Th>
            <Table.Td>{s.unit.name}</Table.Td>
            <Table.Td>{s.person?.name ?? <EmptyValue />}</Table.Td>
            <Table.Td>{konteringText(s.kontering)}</Table.Td>
            <Table.Td>{f.date(s.startsOn)}</Table.Td>
            <Table.Td>{s.endsOn ? f.date(s.endsOn) : <EmptyValue />}</Table.Td>
            <Table.Td>
              {s.can.cancel ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => cancel.mutate(s)}
                  loading={cancel.isPending}
                  aria-label={`${m('cancel')}: ${s.offering.name}, ${s.person?.name ?? s.unit.name}`}
                >
                  {m('cancel')}
                </Button>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}
