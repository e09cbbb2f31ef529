import { NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Initiative,
  type InitiativeInput,
  type InitiativeStatus,
  initiativeStatuses,
  type Plan,
} from '../../../../shared/governance/plans.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useGovernanceInvalidate } from '../api.ts';

// Following up one initiative of a plan: its status, why, and what it cost (in kronor; the API
// keeps öre). The plan's PATCH names every initiative, with the plan's version.

export const asInput = (i: Initiative): InitiativeInput => ({
  id: i.id,
  title: i.title,
  description: i.description,
  goalIds: i.goals.map((g) => g.id),
  responsibleId: i.responsible?.id ?? null,
  status: i.status,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  plannedCost: i.plannedCost,
  outcomeCost: i.outcomeCost,
  statusNote: i.statusNote,
  decisionId: i.decision?.id ?? null,
  projectLink: i.projectLink,
});

/** Öre as kronor for a NumberInput (empty for none), and back. */
export const kronor = (ore: number | null) => (ore === null ? '' : ore / 100);
export const ore = (kr: number | string) => (kr === '' ? null : Math.round(Number(kr) * 100));

export function InitiativeDialog({
  plan,
  initiative,
  onClose,
  onReload,
}: {
  plan: Plan;
  initiative: Initiative | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const [status, setStatus] = useState<InitiativeStatus>('planned');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<number | string>('');
  useEffect(() => {
    if (!initiative) return;
    setStatus(initiative.status);
    setNote(initiative.statusNote ?? '');
    setOutcome(kronor(initiative.outcomeCost));
  }, [initiative]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Plan>(`/api/v1/plans/${plan.id}`, {
        version: plan.version,
        initiatives: plan.initiatives.map((i) =>
          i.id === initiative?.id
            ? {
                ...asInput(i),
                status,
                statusNote: note.trim() || null,
                outcomeCost: ore(outcome),
              }
            : asInput(i),
        ),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog
      opened={initiative !== null}
      onClose={onClose}
      title={t('governance.plans.followUpTitle', { name: initiative?.title ?? '' })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={save.error} onReload={onReload} />
          <Select
            label={t('governance.plans.field.status')}
            data={initiativeStatuses.map((s) => ({ value: s, label: t(`governance.plans.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as InitiativeStatus)}
            allowDeselect={false}
            data-autofocus
          />
          <Textarea
            label={t('governance.plans.field.statusNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <NumberInput
            label={t('governance.plans.outcomeKronor')}
            value={outcome}
            onChange={setOutcome}
            min={0}
            decimalSeparator=","
            thousandSeparator=" "
          />
          <DialogFooter onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
