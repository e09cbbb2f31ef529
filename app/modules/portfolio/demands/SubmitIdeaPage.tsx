import { Paper } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { DemandCreateForm } from './DemandForm.tsx';

// "Lämna en idé": anyone signed in submits an idea or a need in their own words (what, why, who
// benefits, which systems), for their own unit; an IT-kundansvarig registers one for a unit the
// same way ("Registrera för en enhet"). The submitter follows it on its page and is told at each
// status step.

export function SubmitIdeaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t('portfolio.demands.portal.title')}
        description={t('portfolio.demands.portal.description')}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: t('portfolio.demands.title'), to: '/portfolio/demands' },
          { label: t('portfolio.demands.portal.title') },
        ]}
      />
      <Paper withBorder p="lg" maw={760}>
        <DemandCreateForm
          unit="own"
          ownUnitId={me.person.unitId}
          submitLabel={t('portfolio.demands.portal.submit')}
          onCancel={() => void navigate({ to: '/portfolio/demands' })}
          onCreated={async (demand) => {
            notifySuccess(t('portfolio.demands.portal.done', { number: demand.number }));
            await navigate({ to: '/portfolio/demands/$demandId', params: { demandId: demand.id } });
          }}
        />
      </Paper>
    </>
  );
}
