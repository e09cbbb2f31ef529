import { Select, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/desk/tickets.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { deskKeys } from '../api.ts';
import { Promises } from '../services/Promises.tsx';
import { TicketNumber, TicketStatusBadge } from '../tickets/parts.tsx';
import type { MyTicketsSearch } from './search.ts';

// The portal's "Mina ärenden": the tickets the reader reported, the open ones by default, each
// with its status in words; the filter lives in the URL.

export function MyTicketsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/portal/tickets' }) as MyTicketsSearch;
  const navigate = useNavigate({ from: '/portal/tickets' });
  const list = useCursorList<TicketRow>(deskKeys.ticketList, '/api/v1/tickets', {
    view: 'mine',
    status: search.show === 'all' ? undefined : 'open',
    limit: 50,
  });
  return (
    <>
      <PageHeader
        title={t('desk.portal.mine.title')}
        description={t('desk.portal.mine.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.portal.mine.title') }]}
        actions={
          <RouterButton to="/portal/report" leftSection={<IconAlertCircle size={16} aria-hidden />}>
            {t('desk.portal.report.title')}
          </RouterButton>
        }
      />
      <Promises />
      <FilterBar label={t('desk.portal.mine.filters')}>
        <Select
          label={t('desk.portal.mine.show')}
          data={[
            { value: 'open', label: t('desk.portal.mine.showOpen') },
            { value: 'all', label: t('desk.portal.mine.showAll') },
          ]}
          value={search.show ?? 'open'}
          onChange={(v) =>
            void navigate({ search: { show: v === 'all' ? 'all' : undefined }, replace: true })
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.portal.mine.caption')}
        colSpan={4}
        minWidth={640}
        emptyText={search.show === 'all' ? t('desk.portal.mine.none') : t('desk.portal.mine.noneOpen')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('desk.tickets.field.number')}</Table.Th>
            <Table.Th scope="col">{t('desk.portal.field.title')}</Table.Th>
            <Table.Th scope="col">{t('desk.tickets.field.status')}</Table.Th>
            <Table.Th scope="col">{t('desk.tickets.field.updatedAt')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>
              <RouterAnchor to="/portal/tickets/$ticketId" params={{ ticketId: row.id }}>
                <TicketNumber number={row.number} />
              </RouterAnchor>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text span size="sm">
                {row.title}
              </Text>
            </Table.Td>
            <Table.Td>
              <TicketStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={row.updatedAt}>{f.dateTime(row.updatedAt)}</time>
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}
