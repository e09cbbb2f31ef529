import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CatalogueService } from '../../../../shared/desk/services.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { RouterButton } from '../../../platform/links.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { serviceKeys } from './api.ts';
import { useOrderLink } from './order-links.ts';

// The portal's "Beställ": the services an employee may order, as cards with what each is and who
// delivers it, each leading to its order form: the desk's own, or the form of the module that
// claims the service (./order-links.ts; the catalogue's, with price and kontering). A catalogue
// holds tens of services, so one page of up to 200 is the whole of it.

export function useOrderableServices() {
  return useQuery({
    queryKey: serviceKeys.orderable,
    queryFn: ({ signal }) =>
      api.get<Page<CatalogueService>>(`/api/v1/catalogue-services${query({ orderable: true, limit: 200 })}`, {
        signal,
      }),
    staleTime: 60_000,
  });
}

export function OrderPage() {
  const { t } = useTranslation();
  const services = useOrderableServices();
  const items = (services.data?.items ?? []).filter((s) => s.can.order);
  const orderLink = useOrderLink();
  return (
    <>
      <PageHeader
        title={t('desk.services.order.title')}
        description={t('desk.services.order.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.services.order.title') }]}
      />
      <ProblemAlert error={services.error} />
      {services.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : items.length === 0 && !services.error ? (
        <Alert variant="light" color="gray">
          {t('desk.services.order.none')}
        </Alert>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map((s) => {
            const link = orderLink(s.id);
            return (
              <Paper component="li" key={s.id} withBorder p="md" radius="md">
                <Stack gap="xs" h="100%" justify="space-between">
                  <Stack gap={6}>
                    <Title order={2} size="h4">
                      {s.name}
                    </Title>
                    {s.description && (
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {s.description}
                      </Text>
                    )}
                    {link?.detail && (
                      <Text size="sm" fw={500}>
                        {link.detail}
                      </Text>
                    )}
                    {s.groupName && (
                      <Text size="xs" c="dimmed">
                        {t('desk.services.order.handledBy', { group: s.groupName })}
                      </Text>
                    )}
                  </Stack>
                  <Group justify="flex-end">
                    <RouterButton
                      {...(link
                        ? { to: link.to, search: link.search }
                        : { to: '/portal/order/$serviceId', params: { serviceId: s.id } })}
                      variant="light"
                      leftSection={<IconShoppingCart size={16} aria-hidden />}
                      aria-label={t('desk.services.order.chooseLabel', { name: s.name })}
                    >
                      {t('desk.services.order.choose')}
                    </RouterButton>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
