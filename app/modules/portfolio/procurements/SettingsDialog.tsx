import { NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Procedure,
  type ProcurementSettings,
  procedures,
} from '../../../../shared/portfolio/procurements.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useProcurementInvalidate } from './api.ts';
import { kr, ore } from './parts.tsx';

// The tenant's procurement settings: the direktupphandling limit (set by law and changed every
// few years, so the tenant keeps it), the months each procedure needs, and how early the plan warns.

export function SettingsDialog({
  opened,
  onClose,
  settings,
}: {
  opened: boolean;
  onClose: () => void;
  settings: ProcurementSettings;
}) {
  const { t } = useTranslation();
  const invalidate = useProcurementInvalidate();
  const [limitKr, setLimitKr] = useState<number | string>('');
  const [lead, setLead] = useState<Record<Procedure, number | string>>(settings.leadMonths);
  const [warnDays, setWarnDays] = useState<number | string>(settings.warnDays);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (!opened) return;
    setLimitKr(kr(settings.directLimit));
    setLead(settings.leadMonths);
    setWarnDays(settings.warnDays);
  }, [opened, settings.version]);
  const save = useMutation({
    mutationFn: () =>
      api.patch('/api/v1/procurements/settings', {
        version: settings.version,
        directLimit: ore(limitKr) ?? 0,
        leadMonths: Object.fromEntries(procedures.map((p) => [p, Number(lead[p] || 0)])),
        warnDays: Number(warnDays || 0),
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
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.procurements.${key}`, o);
  return (
    <Dialog opened={opened} onClose={close} title={m('settings.title')} size="lg">
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
            fields={['directLimit', 'leadMonths', 'warnDays']}
            onReload={async () => {
              await invalidate();
              save.reset();
            }}
          />
          <NumberInput
            label={`${m('settings.directLimit')} (kr)`}
            description={m('settings.directLimitHelp')}
            value={limitKr}
            onChange={setLimitKr}
            error={errors.directLimit}
            min={0}
            thousandSeparator=" "
            decimalSeparator=","
            decimalScale={0}
            required
            data-autofocus
          />
          <Text size="sm" fw={600}>
            {m('settings.leadTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {procedures.map((p) => (
              <NumberInput
                key={p}
                label={m('settings.leadFor', { procedure: m(`procedure.${p}`) })}
                value={lead[p]}
                onChange={(v) => setLead((l) => ({ ...l, [p]: v }))}
                error={errors[`leadMonths.${p}`] ?? errors.leadMonths}
                min={0}
                max={60}
                allowDecimal={false}
              />
            ))}
          </SimpleGrid>
          <NumberInput
            label={m('settings.warnDays')}
            value={warnDays}
            onChange={setWarnDays}
            error={errors.warnDays}
            min={0}
            max={730}
            allowDecimal={false}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
