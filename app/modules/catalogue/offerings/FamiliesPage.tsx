import { Button, List, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitBillingList } from '../../../../shared/catalogue/billing.ts';
import type { Family, FamilyService, Offering } from '../../../../shared/catalogue/offerings.ts';
import { api, type Page } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { catalogueKeys, useCatalogueInvalidate } from '../api.ts';

// The catalogue as families → services → offerings, one table: each family with its services
// (the desk's catalogue services placed in it) and their offerings, linked to each offering's
// page; a new family for those who keep the catalogue.

const all = <T,>(path: string) => api.get<Page<T>>(`${path}?limit=200`);

export function FamiliesPage() {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.families.${key}`);
  const [creating, setCreating] = useState(false);
  const data = useQuery({
    queryKey: [...catalogueKeys.families, 'tree'],
    queryFn: async () => {
      const [families, services, offerings] = await Promise.all([
        all<Family>('/api/v1/catalogue/families'),
        all<FamilyService>('/api/v1/catalogue/family-services'),
        all<Offering>('/api/v1/catalogue/offerings'),
      ]);
      return { families: families.items, services: services.items, offerings: offerings.items };
    },
  });
  const families = data.data?.families ?? [];
  // The keepers of the catalogue are those who may switch units' billing (one policy, cataloguePolicy.manage).
  const keeper = useQuery({
    queryKey: ['catalogue', 'billing', 'can'],
    queryFn: () => api.get<UnitBillingList>('/api/v1/catalogue/billing-units?limit=1'),
  });
  const canCreate = keeper.data?.can.switch === true;
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {m('new')}
            </Button>
          )
        }
      />
      <DataTable
        caption={m('caption')}
        colSpan={2}
        loading={data.isPending}
        error={data.error}
        empty={families.length === 0}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('title')}</Table.Th>
            <Table.Th scope="col">{m('services')}</Table.Th>
          </Table.Tr>
        }
      >
        {families.map((family) => {
          const services = data.data!.services.filter((s) => s.family.id === family.id);
          return (
            <Table.Tr key={family.id}>
              <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                <Text fw={600} size="sm">
                  {family.name}
                </Text>
                {family.description && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {family.description}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                {services.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {m('noServices')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {services.map((s) => (
                      <div key={s.id}>
                        <Text size="sm" fw={500}>
                          {s.name}
                          {s.serviceLevel && (
                            <Text span size="xs" c="dimmed" ml={6}>
                              {s.serviceLevel.name}
                            </Text>
                          )}
                        </Text>
                        <List size="sm" withPadding>
                          {data
                            .data!.offerings.filter((o) => o.service.id === s.id)
                            .map((o) => (
                              <List.Item key={o.id}>
                                <RouterAnchor
                                  to="/catalogue/offerings/$offeringId"
                                  params={{ offeringId: o.id }}
                                  size="sm"
                                >
                                  {o.name}
                                </RouterAnchor>
                              </List.Item>
                            ))}
                        </List>
                      </div>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <FamilyDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function FamilyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useCatalogueInvalidate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () => api.post('/api/v1/catalogue/families', { name, description: description || null }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  function close() {
    save.reset();
    setName('');
    setDescription('');
    onClose();
  }
  const m = (key: string) => t(`catalogue.families.${key}`);
  return (
    <Dialog opened={opened} onClose={close} title={m('newTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} fields={['name', 'description']} />
          <TextInput
            label={m('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Textarea
            label={m('descriptionField')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
