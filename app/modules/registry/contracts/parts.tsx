import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contract, DpaStatus } from '../../../../shared/registry/contracts.ts';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { contractKeys, useSupplier } from './api.ts';

// Pieces the supplier, contract and system pages share: the DPA badge, links, and a table of
// contracts (the contract list, a supplier's and a system's contracts).

const badgeStyles = {
  root: { textTransform: 'none' as const, fontWeight: 600 },
  label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' as const },
};
const dpaColors: Record<DpaStatus, string> = { none: 'gray', needed: 'red', signed: 'green' };

export function DpaBadge({ status }: { status: DpaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={dpaColors[status]} variant="light" miw="fit-content" styles={badgeStyles}>
      {t(`registry.contracts.contracts.dpaStatus.${status}`)}
    </Badge>
  );
}

/** A link to a supplier by id, named by fetching it (cached per supplier). */
export function SupplierLink({ id, name }: { id: string | null | undefined; name?: string }) {
  const supplier = useSupplier(id ?? '', { enabled: !!id && !name });
  if (!id) return <EmptyValue />;
  return (
    <RouterAnchor to="/suppliers/$supplierId" params={{ supplierId: id }} size="sm">
      {name ?? supplier.data?.name ?? '…'}
    </RouterAnchor>
  );
}

/** Today in Stockholm, YYYY-MM-DD, to mark deadlines that have passed. */
export function todayInStockholm(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** A table of contracts from the list API with the given filters. */
export function ContractTable({
  params,
  caption,
  emptyText,
  bordered = true,
}: {
  params: Record<string, string | number | boolean | undefined>;
  caption: string;
  emptyText: string;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useCursorList<Contract>(contractKeys.contracts, '/api/v1/contracts', { ...params, limit: 50 });
  const field = (name: string) => t(`registry.contracts.contracts.field.${name}`);
  const today = todayInStockholm();
  // In a record page's section, no empty table: its headers would overflow the column into a
  // scroll region a keyboard cannot reach (axe: scrollable-region-focusable).
  if (!bordered && !list.isPending && !list.error && list.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  return (
    <CursorTable
      bordered={bordered}
      list={list}
      caption={caption}
      colSpan={7}
      minWidth={900}
      emptyText={emptyText}
      head={
        <Table.Tr>
          <Table.Th scope="col">{field('title')}</Table.Th>
          <Table.Th scope="col">{field('supplier')}</Table.Th>
          <Table.Th scope="col">{field('endsOn')}</Table.Th>
          <Table.Th scope="col">{field('noticeDeadline')}</Table.Th>
          <Table.Th scope="col">{field('annualValue')}</Table.Th>
          <Table.Th scope="col">{field('owner')}</Table.Th>
          <Table.Th scope="col">{t('registry.contracts.contracts.dpa')}</Table.Th>
        </Table.Tr>
      }
    >
      {list.items.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <RouterAnchor to="/contracts/$contractId" params={{ contractId: c.id }} fw={500} size="sm">
              {c.title}
            </RouterAnchor>
            {c.contractNumber && (
              <Text span size="xs" c="dimmed" ml={6}>
                {c.contractNumber}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <SupplierLink id={c.supplierId} name={c.supplierName} />
          </Table.Td>
          <Table.Td>
            {c.endsOn ? f.date(c.endsOn) : t('registry.contracts.contracts.untilFurtherNotice')}
          </Table.Td>
          <Table.Td>
            {c.noticeDeadline ? (
              <Text span size="sm" c={c.noticeDeadline < today ? 'red.8' : undefined}>
                {f.date(c.noticeDeadline)}
              </Text>
            ) : (
              <EmptyValue />
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            {c.annualValue !== null ? f.sek(c.annualValue) : <EmptyValue />}
          </Table.Td>
          <Table.Td>
            <PersonLink id={c.ownerId} />
          </Table.Td>
          <Table.Td>
            <DpaBadge status={c.dpaStatus} />
          </Table.Td>
        </Table.Tr>
      ))}
    </CursorTable>
  );
}
