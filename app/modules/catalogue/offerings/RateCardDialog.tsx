import { NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Offering,
  type PeriodKind,
  periodKinds,
  type RateCardView,
} from '../../../../shared/catalogue/offerings.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { toOre, useCatalogueInvalidate } from '../api.ts';

// The rate card editor: a new price from the first of a year or month (it rolls forward until the
// next), or a change of a card's prices with the version read. Prices are typed in kronor and
// sent in öre; a cost-covering offering takes the year's total cost instead.

const kr = (ore: number | null) => (ore === null ? '' : ore / 100);

export function RateCardDialog({
  opened,
  onClose,
  offering,
  card,
}: {
  opened: boolean;
  onClose: () => void;
  offering: Offering;
  /** The card to change; null for a new one. */
  card: RateCardView | null;
}) {
  const { t } = useTranslation();
  const invalidate = useCatalogueInvalidate();
  const nextYear = new Date().getFullYear() + 1;
  const [periodKind, setPeriodKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState<number | string>(nextYear);
  const [month, setMonth] = useState(`${nextYear}-01`);
  const [internal, setInternal] = useState<number | string>('');
  const [external, setExternal] = useState<number | string>('');
  const [total, setTotal] = useState<number | string>('');
  const [note, setNote] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened
  useEffect(() => {
    if (!opened) return;
    setPeriodKind(card?.periodKind ?? 'year');
    setInternal(kr(card?.internalPrice ?? null));
    setExternal(card && card.externalPrice !== card.internalPrice ? kr(card.externalPrice) : '');
    setTotal(kr(card?.totalCost ?? null));
    setNote(card?.note ?? '');
  }, [opened, card?.id]);
  const costCovering = offering.pricing === 'costCovering';
  const prices = costCovering
    ? { totalCost: toOre(total) }
    : { internalPrice: toOre(internal), externalPrice: toOre(external) };
  const save = useMutation({
    mutationFn: () =>
      card
        ? api.patch(`/api/v1/catalogue/rate-cards/${card.id}`, {
            version: card.version,
            ...prices,
            note: note || null,
          })
        : api.post('/api/v1/catalogue/rate-cards', {
            offeringId: offering.id,
            periodKind,
            startsOn: periodKind === 'year' ? `${year}-01-01` : `${month}-01`,
            ...prices,
            note: note || null,
          }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  function close() {
    save.reset();
    onClose();
  }
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.offerings.${key}`, o);
  const money = { min: 0, thousandSeparator: ' ', decimalSeparator: ',', decimalScale: 2 } as const;
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={card ? m('editRateCard') : m('rateCardTitle', { name: offering.name })}
    >
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
            fields={['startsOn', 'internalPrice', 'externalPrice', 'totalCost', 'note']}
            onReload={async () => {
              await invalidate();
              save.reset();
            }}
          />
          {!card && (
            <>
              <Select
                label={m('field.periodKind')}
                data={periodKinds.map((p) => ({ value: p, label: m(`periodKind.${p}`) }))}
                value={periodKind}
                onChange={(v) => setPeriodKind((v as PeriodKind | null) ?? 'year')}
                allowDeselect={false}
              />
              {periodKind === 'year' ? (
                <NumberInput
                  label={m('field.startsOn')}
                  value={year}
                  onChange={setYear}
                  min={2000}
                  max={2100}
                  allowDecimal={false}
                  error={errors.startsOn}
                  required
                />
              ) : (
                <TextInput
                  type="month"
                  label={m('field.startsOn')}
                  value={month}
                  onChange={(e) => setMonth(e.currentTarget.value)}
                  error={errors.startsOn}
                  required
                />
              )}
            </>
          )}
          {costCovering ? (
            <NumberInput
              label={m('field.totalCost')}
              value={total}
              onChange={setTotal}
              error={errors.totalCost}
              required
              data-autofocus
              {...money}
            />
          ) : (
            <>
              <NumberInput
                label={m('field.internalPrice')}
                value={internal}
                onChange={setInternal}
                error={errors.internalPrice}
                required
                data-autofocus
                {...money}
              />
              <NumberInput
                label={m('field.externalPrice')}
                description={m('externalHelp')}
                value={external}
                onChange={setExternal}
                error={errors.externalPrice}
                {...money}
              />
            </>
          )}
          <TextInput
            label={m('field.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            maxLength={300}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
