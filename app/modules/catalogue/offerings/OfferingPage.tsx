import { Button, Group, Stack, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateCardView } from '../../../../shared/catalogue/offerings.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useCatalogueInvalidate, useOffering } from '../api.ts';
import { priceText } from './parts.tsx';
import { RateCardDialog } from './RateCardDialog.tsx';

// One offering: its service, family, service level (the desk's), price model, approval, order
// form and who may order it, and its rate cards with the one in effect today marked, the rate
// card editor for those who keep prices.

export function OfferingPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { offeringId } = useParams({ from: '/_app/catalogue/offerings/$offeringId' });
  const query = useOffering(offeringId);
  const invalidate = useCatalogueInvalidate();
  const [editing, setEditing] = useState<RateCardView | null | undefined>(undefined);
  const archive = useMutation({
    mutationFn: (card: RateCardView) =>
      api.post(`/api/v1/catalogue/rate-cards/${card.id}/archive`, { version: card.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('catalogue.offerings.rateCardArchived'));
    },
  });
  const o = query.data;
  if (!o || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const m = (key: string, v?: Record<string, unknown>) => t(`catalogue.offerings.${key}`, v);
  const field = (name: string) => m(`field.${name}`);
  const cards = o.rateCards.filter((c) => c.archivedAt === null);
  const costCovering = o.pricing === 'costCovering';
  return (
    <>
      <PageHeader
        title={o.name}
        description={o.description ?? undefined}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/offerings' },
          { label: o.name },
        ]}
      />
      <Stack>
        <Section title={m('details')} id="offering-details">
          <DetailList
            items={[
              { label: field('service'), value: o.service.name },
              { label: field('family'), value: o.family.name },
              { label: field('serviceLevel'), value: o.serviceLevel?.name ?? <EmptyValue /> },
              {
                label: field('priceModel'),
                value: `${m(`priceModel.${o.priceModel}`)}${o.priceUnit ? ` (${m(`priceUnit.${o.priceUnit}`)})` : ''}`,
              },
              { label: field('pricing'), value: m(`pricing.${o.pricing}`) },
              { label: field('currentPrice'), value: priceText(t, f.sek, o, o.current) },
              ...(costCovering || !o.current
                ? []
                : [
                    {
                      label: field('externalPriceWithVat'),
                      value: priceText(t, f.sek, o, o.current, 'external'),
                    },
                  ]),
              {
                label: field('approval'),
                value: m(`approval.${o.approval}`, { role: o.approvalRole ?? '' }),
              },
              { label: field('orderForm'), value: o.orderService?.name ?? m('ownForm') },
              {
                label: field('whoMayOrder'),
                value: `${o.allUnits ? m('allUnits') : o.units.map((u) => u.name).join(', ')}${o.partners ? `, ${m('partnersToo')}` : ''}`,
              },
            ]}
          />
        </Section>
        <Section
          title={m('rateCards')}
          id="offering-rate-cards"
          description={m('rateCardsHelp')}
          actions={
            o.can.price && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
                {m('newRateCard')}
              </Button>
            )
          }
        >
          <ProblemAlert error={archive.error} />
          <DataTable
            caption={m('rateCardsCaption')}
            colSpan={o.can.price ? 5 : 4}
            empty={cards.length === 0}
            emptyText={m('noRateCards')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('startsOn')}</Table.Th>
                <Table.Th scope="col">{costCovering ? field('totalCost') : field('internal')}</Table.Th>
                <Table.Th scope="col">{field('external')}</Table.Th>
                <Table.Th scope="col">{field('note')}</Table.Th>
                {o.can.price && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            }
          >
            {cards.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Group gap="xs">
                    {c.periodKind === 'year' ? c.startsOn.slice(0, 4) : f.date(c.startsOn)}
                    {o.current?.id === c.id && <StatusBadge tone="positive">{m('current')}</StatusBadge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {costCovering ? (
                    c.totalCost === null ? (
                      <EmptyValue />
                    ) : (
                      f.sek(c.totalCost)
                    )
                  ) : c.internalPrice === null ? (
                    <EmptyValue />
                  ) : (
                    f.sek(c.internalPrice)
                  )}
                </Table.Td>
                <Table.Td>
                  {c.externalPriceWithVat === null ? <EmptyValue /> : f.sek(c.externalPriceWithVat)}
                </Table.Td>
                <Table.Td>{c.note ?? <EmptyValue />}</Table.Td>
                {o.can.price && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(c)}
                        aria-label={`${m('editRateCard')} ${c.startsOn}`}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red.9"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        loading={archive.isPending && archive.variables?.id === c.id}
                        onClick={() => archive.mutate(c)}
                        aria-label={m('archiveRateCard', { date: c.startsOn })}
                      >
                        {m('remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
      </Stack>
      {o.can.price && (
        <RateCardDialog
          opened={editing !== undefined}
          onClose={() => setEditing(undefined)}
          offering={o}
          card={editing ?? null}
        />
      )}
    </>
  );
}
