import { Button } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import type { DemandSummary } from '../../../../shared/portfolio/demands.ts';
import { api, type Page } from '../../../platform/api.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { portfolioKeys, useRegistersDemands } from '../api.ts';

// The portfolio's answer to the desk's `desk.ticketActions` point, on a change ticket's page:
// "Gör till behov" for those who may promote it (a dialog that makes the demand and goes to it),
// or, once promoted, a link to the demand it became (GET /api/v1/demands?fromTicketId=). In the
// main chunk, so small: the dialog and its form load when it opens.

const PromoteDialog = lazy(() => import('./PromoteDialog.tsx').then((m) => ({ default: m.PromoteDialog })));

export function PromoteTicketAction({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const registers = useRegistersDemands();
  const [opened, setOpened] = useState(false);
  const change = ticket.type === 'change';
  const promoted = useQuery({
    queryKey: [...portfolioKeys.demands, 'fromTicket', ticket.id],
    queryFn: ({ signal }) =>
      api.get<Page<DemandSummary>>(`/api/v1/demands?fromTicketId=${ticket.id}&limit=1`, { signal }),
    enabled: change,
  });
  if (!change || !promoted.data) return null;
  const [demand] = promoted.data.items;
  if (demand)
    return (
      <RouterButton
        variant="default"
        leftSection={<IconBulb size={16} aria-hidden />}
        to="/portfolio/demands/$demandId"
        params={{ demandId: demand.id }}
      >
        {t('portfolio.demands.promote.promoted', { number: demand.number })}
      </RouterButton>
    );
  if (!registers) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconBulb size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('portfolio.demands.promote.open')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <PromoteDialog ticket={ticket} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
