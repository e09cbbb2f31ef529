import { Button, Grid, NumberInput, Paper, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, UnitKontering } from '../../../../shared/catalogue/orders.ts';
import type { FormField } from '../../../../shared/desk/services.ts';
import { api } from '../../../platform/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, translateMessage, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { type Named, PersonSelect } from '../../desk/inputs.tsx';
import {
  type AnswerValues,
  answerErrorsOf,
  answersOf,
  OrderFields,
} from '../../desk/services/OrderFields.tsx';
import { useCatalogueInvalidate, useOfferingChoices } from '../api.ts';

// The portal's order page: an offering, for a person (their unit, unless another is chosen) or a
// unit, the quantity, the kontering with the unit's own codes as the choices, a note and the
// answers to the offering's order form. The server checks it all again and names each field.

export function OrderFormPage() {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.orders.${key}`, o);
  const navigate = useNavigate();
  const invalidate = useCatalogueInvalidate();
  const offerings = useOfferingChoices();
  // From the portal's "Beställ" (./order-links.ts) the service's offering is chosen already, or
  // the choice is among the service's offerings when it has several.
  const search = useSearch({ from: '/_app/catalogue/order' });
  const choices = (offerings.data?.items ?? []).filter(
    (o) => o.archivedAt === null && (!search.serviceId || o.service.id === search.serviceId),
  );
  const [picked, setOfferingId] = useState<string | null>(search.offeringId ?? null);
  const offeringId = picked ?? (choices.length === 1 ? choices[0]!.id : null);
  const [target, setTarget] = useState<'person' | 'unit'>('person');
  const [person, setPerson] = useState<Named | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [k, setK] = useState<Record<string, string | null>>({});
  const [note, setNote] = useState('');
  const [answers, setAnswers] = useState<AnswerValues>({});
  const offering = offerings.data?.items.find((o) => o.id === offeringId) ?? null;
  const formServiceId = offering ? (offering.orderService?.id ?? offering.service.id) : null;
  const form = useQuery({
    queryKey: ['catalogue', 'order-form', formServiceId],
    queryFn: ({ signal }) =>
      api.get<{ orderForm: FormField[] }>(`/api/v1/catalogue-services/${formServiceId}`, { signal }),
    enabled: formServiceId !== null,
  });
  // The person's unit, unless the orderer names one.
  const personUnit = useQuery({
    queryKey: ['catalogue', 'person-unit', person?.id],
    queryFn: ({ signal }) => api.get<{ unitId: string | null }>(`/api/v1/people/${person!.id}`, { signal }),
    enabled: target === 'person' && person !== null,
  });
  const effectiveUnit = unitId ?? (target === 'person' ? (personUnit.data?.unitId ?? null) : null);
  const codes = useQuery({
    queryKey: ['catalogue', 'kontering', effectiveUnit],
    queryFn: ({ signal }) =>
      api.get<UnitKontering>(`/api/v1/catalogue/kontering-units/${effectiveUnit}`, { signal }),
    enabled: effectiveUnit !== null,
  });
  const save = useMutation({
    mutationFn: () =>
      api.post<Order>('/api/v1/catalogue/orders', {
        offeringId,
        forPersonId: target === 'person' ? (person?.id ?? null) : null,
        forUnitId: unitId,
        quantity: Number(quantity) || 1,
        kontering: {
          costCentre: k.costCentre ?? '',
          account: k.account ?? '',
          activity: k.activity ?? null,
          counterpart: k.counterpart ?? null,
        },
        note: note.trim() || null,
        orderAnswers: answersOf(form.data?.orderForm ?? [], answers),
      }),
    onSuccess: async (order) => {
      await invalidate();
      notifySuccess(m('ordered'));
      void navigate({ to: '/catalogue/orders/$orderId', params: { orderId: order.id } });
    },
  });
  const errors = useFieldErrors(save.error);
  const konteringErrors: Record<string, string> = {};
  for (const e of (save.error as { errors?: { path: string; message: string }[] } | null)?.errors ?? []) {
    const match = /^body\.kontering\.(\w+)$/.exec(e.path);
    if (match) konteringErrors[match[1]!] = translateMessage(t, e.message);
  }
  const choice = (dimension: 'costCentre' | 'account' | 'activity' | 'counterpart', required: boolean) => (
    <Select
      label={m(`kontering.${dimension}`)}
      required={required}
      clearable={!required}
      disabled={!codes.data}
      description={codes.data ? undefined : m('chooseUnitFirst')}
      data={(codes.data?.choices[dimension] ?? []).map((c) => ({
        value: c.code,
        label: `${c.code} ${c.name}`,
      }))}
      value={k[dimension] ?? null}
      onChange={(v) => setK((prev) => ({ ...prev, [dimension]: v }))}
      error={konteringErrors[dimension] ?? (dimension === 'costCentre' ? errors.kontering : undefined)}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
  return (
    <>
      <PageHeader
        title={m('newTitle')}
        description={m('newDescription')}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/orders' },
          { label: m('newTitle') },
        ]}
      />
      <Paper withBorder p="md" maw={900}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <ProblemAlert
              error={save.error}
              fields={[
                'offeringId',
                'forPersonId',
                'forUnitId',
                'quantity',
                'kontering',
                'note',
                'orderAnswers',
              ]}
            />
            <Select
              label={m('offering')}
              required
              searchable
              data={choices.map((o) => ({ value: o.id, label: o.name }))}
              value={offeringId}
              onChange={(v) => {
                setOfferingId(v);
                setAnswers({});
              }}
              error={errors.offeringId}
              comboboxProps={{ withinPortal: true }}
            />
            <Radio.Group label={m('for')} value={target} onChange={(v) => setTarget(v as 'person' | 'unit')}>
              <Stack gap={6} mt={6}>
                <Radio value="person" label={m('forPerson')} />
                <Radio value="unit" label={m('forUnit')} />
              </Stack>
            </Radio.Group>
            {target === 'person' && (
              <PersonSelect
                label={m('person')}
                required
                value={person}
                onChange={setPerson}
                error={errors.forPersonId}
              />
            )}
            <UnitSelect
              label={target === 'person' ? m('unitOptional') : m('unit')}
              required={target === 'unit'}
              value={unitId}
              onChange={(v) => {
                setUnitId(v);
                setK({});
              }}
              error={errors.forUnitId}
            />
            <NumberInput
              label={m('quantity')}
              min={1}
              max={10000}
              value={quantity}
              onChange={setQuantity}
              error={errors.quantity}
              w={160}
            />
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 600, marginBottom: 8 }}>{m('konteringLegend')}</legend>
              <Grid>
                <Grid.Col span={{ base: 12, sm: 6 }}>{choice('costCentre', true)}</Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>{choice('account', true)}</Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>{choice('activity', false)}</Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>{choice('counterpart', false)}</Grid.Col>
              </Grid>
            </fieldset>
            {form.data && form.data.orderForm.length > 0 && (
              <OrderFields
                form={form.data.orderForm}
                values={answers}
                onChange={(key, value) => setAnswers((prev) => ({ ...prev, [key]: value }))}
                errors={answerErrorsOf(t, save.error)}
                idPrefix="catalogue-order"
              />
            )}
            <Textarea
              label={m('note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
              autosize
              minRows={2}
            />
            <Button type="submit" loading={save.isPending} w="fit-content">
              {m('submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
