import { Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { Dialog } from '../../../platform/dialogs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DemandCreateForm } from './DemandForm.tsx';

// "Gör till behov": a change ticket of the desk promoted into a demand (POST /api/v1/demands with
// fromTicketId), the portal's form prefilled from the ticket (title, description, unit, system);
// the ticket's requester becomes the submitter, its timeline names the demand, and the dialog goes
// on to the new demand's page. Loaded only when opened (PromoteAction.tsx).

export function PromoteDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t('portfolio.demands.promote.title', { number: ticket.number })}
      size="lg"
    >
      <Text size="sm" mb="md">
        {t('portfolio.demands.promote.help', { requester: ticket.requester.name })}
      </Text>
      <DemandCreateForm
        compact
        unit="pick"
        fromTicketId={ticket.id}
        initial={{
          title: ticket.title.slice(0, 200),
          description: ticket.description.slice(0, 8000),
          scope: 'business',
          unitId: ticket.unit?.id ?? null,
          systemIds: ticket.system ? [ticket.system.id] : [],
        }}
        ownUnitId={ticket.unit?.id ?? null}
        submitLabel={t('portfolio.demands.promote.submit')}
        onCancel={onClose}
        onCreated={async (demand) => {
          notifySuccess(t('portfolio.demands.promote.done', { number: demand.number }));
          onClose();
          await navigate({ to: '/portfolio/demands/$demandId', params: { demandId: demand.id } });
        }}
      />
    </Dialog>
  );
}
