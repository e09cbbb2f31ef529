import { NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procurement, ProcurementStatus } from '../../../../shared/portfolio/procurements.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useProcurementInvalidate } from './api.ts';
import { kr, ore } from './parts.tsx';

// Moves a procurement to one of the statuses it may go to next (the API lists them). Cancelling
// asks why, when, and what it cost in money and hours (seed 004: ca 4 MSEK). For a procurement
// already cancelled, the same dialog corrects the reason, the date and the cost.

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function StatusDialog({
  opened,
  onClose,
  procurement: p,
  onReload,
  cancel,
}: {
  opened: boolean;
  onClose: () => void;
  procurement: Procurement;
  onReload: () => Promise<unknown>;
  /** Open on "cancelled" (the cancel action). */
  cancel?: boolean;
}) {
  const { t } = useTranslation();
  const invalidate = useProcurementInvalidate();
  const correcting = p.status === 'cancelled';
  const [status, setStatus] = useState<ProcurementStatus | null>(null);
  const [reason, setReason] = useState('');
  const [cancelledOn, setCancelledOn] = useState<string | undefined>();
  const [costKr, setCostKr] = useState<number | string>('');
  const [hours, setHours] = useState<number | string>('');
  const [missingReason, setMissingReason] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (!opened) return;
    setStatus(correcting ? 'cancelled' : cancel ? 'cancelled' : (p.nextStatuses[0] ?? null));
    setReason(p.cancelReason ?? '');
    setCancelledOn(p.cancelledOn ?? today());
    setCostKr(kr(p.cancelCost));
    setHours(p.cancelHours ?? '');
    setMissingReason(false);
  }, [opened, p.version]);
  const cancelling = status === 'cancelled';
  const save = useMutation({
    mutationFn: () =>
      api.patch<Procurement>(`/api/v1/procurements/${p.id}`, {
        version: p.version,
        ...(correcting ? {} : { status }),
        ...(cancelling
          ? {
              cancelReason: orNull(reason),
              cancelledOn: cancelledOn ?? null,
              cancelCost: ore(costKr),
              cancelHours: hours === '' ? null : Number(hours),
            }
          : {}),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
    onError: () => focusFirstInvalid(document.querySelector<HTMLFormElement>('#procurement-status-form')),
  });
  const errors = useFieldErrors(save.error);
  function close() {
    save.reset();
    onClose();
  }
  const field = (name: string) => t(`portfolio.procurements.field.${name}`);
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={
        correcting
          ? t('portfolio.procurements.correctCancelTitle')
          : cancel
            ? t('portfolio.procurements.cancelTitle')
            : t('portfolio.procurements.statusTitle')
      }
      size="lg"
    >
      <form
        id="procurement-status-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (cancelling && !reason.trim()) {
            setMissingReason(true);
            focusFirstInvalid(e.currentTarget);
            return;
          }
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['status', 'cancelReason', 'cancelledOn', 'cancelCost', 'cancelHours']}
            onReload={async () => {
              await onReload();
              save.reset();
            }}
          />
          {!correcting && (
            <Select
              label={field('status')}
              data={p.nextStatuses.map((s) => ({ value: s, label: t(`portfolio.procurements.status.${s}`) }))}
              value={status}
              onChange={(v) => setStatus(v as ProcurementStatus | null)}
              error={errors.status}
              allowDeselect={false}
              required
              data-autofocus={!cancel || undefined}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {cancelling && (
            <>
              <Text size="sm">{t('portfolio.procurements.cancelHelp')}</Text>
              <Textarea
                label={field('cancelReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={
                  missingReason && !reason.trim()
                    ? t('portfolio.procurements.reasonRequired')
                    : errors.cancelReason
                }
                required
                autosize
                minRows={3}
                maxLength={2000}
                data-autofocus={cancel || correcting || undefined}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DateField
                  label={field('cancelledOn')}
                  value={cancelledOn}
                  onChange={setCancelledOn}
                  error={errors.cancelledOn}
                />
                <NumberInput
                  label={`${field('cancelCost')} (kr)`}
                  value={costKr}
                  onChange={setCostKr}
                  error={errors.cancelCost}
                  min={0}
                  max={9_999_999_999_999}
                  decimalScale={2}
                  thousandSeparator=" "
                  decimalSeparator=","
                />
                <NumberInput
                  label={field('cancelHours')}
                  value={hours}
                  onChange={setHours}
                  error={errors.cancelHours}
                  min={0}
                  max={10_000_000}
                  allowDecimal={false}
                  thousandSeparator=" "
                />
              </SimpleGrid>
            </>
          )}
          <DialogFooter
            onCancel={close}
            label={cancelling && !correcting ? t('portfolio.procurements.cancelAction') : t('common.save')}
            color={cancelling && !correcting ? 'red.9' : undefined}
            loading={save.isPending}
            disabled={!status}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
