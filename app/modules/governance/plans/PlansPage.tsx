import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { useGovernanceSettings } from '../api.ts';
import { usePlans } from '../goals/api.ts';
import { PlanFormModal } from './PlanForm.tsx';
import { planYears } from './years.ts';

// The IT plans, newest first: the years each covers, the decision that adopted it, and how many
// of its initiatives stand where.

export function PlansPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const plans = usePlans();
  const settings = useGovernanceSettings();
  const [creating, setCreating] = useState(false);
  const items = plans.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('governance.plans.title')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.plans.title') }]}
        description={t('governance.plans.description')}
        actions={
          settings.data?.can.update && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('governance.plans.new')}
            </Button>
          )
        }
      />
      <Section id="plans" title={t('governance.plans.listTitle')}>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('governance.plans.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing="xs" fz="sm">
              <Table.Caption>
                <VisuallyHidden>{t('governance.plans.listTitle')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('governance.plans.field.years')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.title')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.decision')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.initiatives')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('governance.plans.field.outcomeCost')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{planYears(p)}</Table.Td>
                    <Table.Td>
                      <RouterAnchor to="/governance/plans/$planId" params={{ planId: p.id }} size="sm">
                        {p.title}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>{p.decision?.name ?? <EmptyValue />}</Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {Object.entries(p.summary.byStatus)
                          .filter(([, n]) => n > 0)
                          .map(([s, n]) => (
                            <Text key={s} size="sm">
                              {t(`governance.plans.status.${s}`)}: {f.number(n)}
                            </Text>
                          ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">{f.sek(p.summary.outcomeCost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
      <PlanFormModal opened={creating} onClose={() => setCreating(false)} plan={null} />
    </>
  );
}
