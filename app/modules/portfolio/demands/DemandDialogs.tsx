import { NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/governance/decisions.ts';
import type { Meeting } from '../../../../shared/governance/meetings.ts';
import {
  type ConsultationParty,
  consultationParties,
  type Demand,
  type DemandEffort,
  type DemandOutcome,
  type DemandRouting,
  demandEfforts,
  demandOutcomes,
} from '../../../../shared/portfolio/demands.ts';
import { api, type Page } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { usePortfolioInvalidate, usePortfolioSettings } from '../api.ts';
import { PickMany, PickOne, toKr, toOre } from './parts.tsx';

// The dialogs of a demand's page: prepare it (benefit, cost, systems and units, goals, risks,
// effort, the ratings of the scoring model, which forum prepared it), record a consultation, put
// it on a meeting's agenda, and record the decision. Each sends the version it read; a stale one
// offers to reload.

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  demand: Demand;
  onReload: () => void;
}

function useAction<T>(send: () => Promise<T>, done: string, onClose: () => void) {
  const invalidate = usePortfolioInvalidate();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await invalidate();
      notifySuccess(done);
      onClose();
    },
  });
}

export function PrepareDialog({ opened, onClose, demand: d, onReload }: DialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const settings = usePortfolioSettings(opened);
  const initial = () => ({
    benefitText: d.benefitText ?? '',
    yearlySavings: toKr(d.yearlySavings) as number | string,
    hoursFreed: (d.hoursFreed ?? '') as number | string,
    investment: toKr(d.investment) as number | string,
    runningCost: toKr(d.runningCost) as number | string,
    systemIds: d.systems.map((s) => s.id),
    affectedUnitIds: d.affectedUnits.map((u) => u.id),
    goalIds: d.goals.map((g) => g.id),
    risks: d.risks ?? '',
    effort: d.effort as DemandEffort | null,
    ratings: { ...d.ratings } as Record<string, number>,
    preparedByForumId: d.preparedByForum?.id ?? null,
    preparedOn: d.preparedOn,
  });
  const [v, setV] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened or the demand is read again
  useEffect(() => {
    if (opened) setV(initial());
  }, [opened, d.version]);
  const save = useAction(
    () =>
      api.patch<Demand>(`/api/v1/demands/${d.id}`, {
        version: d.version,
        benefitText: v.benefitText || null,
        yearlySavings: toOre(v.yearlySavings),
        hoursFreed: typeof v.hoursFreed === 'number' ? v.hoursFreed : null,
        investment: toOre(v.investment),
        runningCost: toOre(v.runningCost),
        systemIds: v.systemIds,
        affectedUnitIds: v.affectedUnitIds,
        goalIds: v.goalIds,
        risks: v.risks || null,
        effort: v.effort,
        ratings: v.ratings,
        preparedByForumId: v.preparedByForumId,
        preparedOn: v.preparedOn,
      }),
    t('portfolio.demands.saved'),
    onClose,
  );
  const errors = useFieldErrors(save.error);
  const field = (name: string) => t(`portfolio.demands.field.${name}`);
  const set = <K extends keyof ReturnType<typeof initial>>(key: K, value: ReturnType<typeof initial>[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t('portfolio.demands.prepareTitle', { number: d.number })}
      size="lg"
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined, { onError: () => focusFirstInvalid(formRef.current) });
        }}
      >
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            onReload={onReload}
            fields={[
              'benefitText',
              'yearlySavings',
              'hoursFreed',
              'investment',
              'runningCost',
              'systemIds',
              'affectedUnitIds',
              'goalIds',
              'risks',
              'effort',
              'preparedByForumId',
              'preparedOn',
            ]}
          />
          <Textarea
            label={field('benefitText')}
            value={v.benefitText}
            onChange={(e) => set('benefitText', e.currentTarget.value)}
            error={errors.benefitText}
            autosize
            minRows={2}
            maxLength={8000}
          />
          <NumberInput
            label={field('yearlySavings')}
            value={v.yearlySavings}
            onChange={(x) => set('yearlySavings', x)}
            error={errors.yearlySavings}
            min={0}
            thousandSeparator=" "
          />
          <NumberInput
            label={field('hoursFreed')}
            value={v.hoursFreed}
            onChange={(x) => set('hoursFreed', x)}
            error={errors.hoursFreed}
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
          />
          <NumberInput
            label={field('investment')}
            value={v.investment}
            onChange={(x) => set('investment', x)}
            error={errors.investment}
            min={0}
            thousandSeparator=" "
          />
          <NumberInput
            label={field('runningCost')}
            value={v.runningCost}
            onChange={(x) => set('runningCost', x)}
            error={errors.runningCost}
            min={0}
            thousandSeparator=" "
          />
          <PickMany
            label={field('systems')}
            path="/api/v1/systems"
            value={v.systemIds}
            onChange={(x) => set('systemIds', x)}
            error={errors.systemIds}
          />
          <PickMany
            label={field('affectedUnits')}
            path="/api/v1/units"
            value={v.affectedUnitIds}
            onChange={(x) => set('affectedUnitIds', x)}
            error={errors.affectedUnitIds}
          />
          <PickMany
            label={field('goals')}
            path="/api/v1/goals"
            value={v.goalIds}
            onChange={(x) => set('goalIds', x)}
            error={errors.goalIds}
          />
          <Textarea
            label={field('risks')}
            value={v.risks}
            onChange={(e) => set('risks', e.currentTarget.value)}
            error={errors.risks}
            autosize
            minRows={2}
            maxLength={8000}
          />
          <Select
            label={field('effort')}
            data={demandEfforts.map((x) => ({ value: x, label: t(`portfolio.demands.effort.${x}`) }))}
            value={v.effort}
            onChange={(x) => set('effort', (x as DemandEffort) ?? null)}
            error={errors.effort}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text size="sm" fw={500}>
                {t('portfolio.demands.ratings')}
              </Text>
            </legend>
            <Stack gap="xs">
              {(settings.data?.scoring ?? []).map((c) => (
                <NumberInput
                  key={c.key}
                  label={`${c.label} (${c.weight})`}
                  value={v.ratings[c.key] ?? ''}
                  onChange={(x) =>
                    set('ratings', {
                      ...v.ratings,
                      [c.key]: typeof x === 'number' ? Math.max(0, Math.min(5, x)) : 0,
                    })
                  }
                  min={0}
                  max={5}
                  allowDecimal={false}
                  error={errors.ratings}
                />
              ))}
            </Stack>
          </fieldset>
          <PickOne
            label={field('preparedByForum')}
            path="/api/v1/forums"
            value={v.preparedByForumId}
            onChange={(x) => set('preparedByForumId', x)}
            error={errors.preparedByForumId}
          />
          <DateField
            label={field('preparedOn')}
            value={v.preparedOn ?? undefined}
            onChange={(x) => set('preparedOn', x ?? null)}
            error={errors.preparedOn}
          />
          <DialogFooter onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function ConsultDialog({ opened, onClose, demand: d, onReload }: DialogProps) {
  const { t } = useTranslation();
  const [party, setParty] = useState<ConsultationParty>('procurement');
  const [who, setWho] = useState('');
  const [on, setOn] = useState<string | null>(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const save = useAction(
    () =>
      api.post<Demand>(`/api/v1/demands/${d.id}/consultations`, {
        version: d.version,
        party,
        who: who.trim(),
        on,
        note: note || null,
      }),
    t('portfolio.demands.saved'),
    onClose,
  );
  const errors = useFieldErrors(save.error);
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t('portfolio.demands.consultTitle', { number: d.number })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error} onReload={onReload} fields={['party', 'who', 'on', 'note']} />
          <Select
            label={t('portfolio.demands.consultParty')}
            data={consultationParties.map((p) => ({ value: p, label: t(`portfolio.demands.party.${p}`) }))}
            value={party}
            onChange={(x) => x && setParty(x as ConsultationParty)}
            allowDeselect={false}
            error={errors.party}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('portfolio.demands.consultWho')}
            value={who}
            onChange={(e) => setWho(e.currentTarget.value)}
            error={errors.who}
            required
            maxLength={200}
          />
          <DateField
            label={t('portfolio.demands.consultOn')}
            value={on ?? undefined}
            onChange={(x) => setOn(x ?? null)}
            error={errors.on}
            required
          />
          <Textarea
            label={t('portfolio.demands.consultNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <DialogFooter onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function AgendaDialog({ opened, onClose, demand: d }: DialogProps) {
  const { t, i18n } = useTranslation();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const meetings = useQuery({
    queryKey: ['portfolio', 'meetings'],
    queryFn: ({ signal }) => api.get<Page<Meeting>>('/api/v1/meetings?limit=100', { signal }),
    enabled: opened,
  });
  const open = (meetings.data?.items ?? []).filter((m) => !m.lockedAt);
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  });
  const save = useAction(
    () => api.post<Demand>(`/api/v1/demands/${d.id}/agenda`, { meetingId }),
    t('portfolio.demands.putOnAgendaDone'),
    onClose,
  );
  const errors = useFieldErrors(save.error);
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t('portfolio.demands.putOnAgendaTitle', { number: d.number })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error} fields={['meetingId']} />
          <Select
            label={t('portfolio.demands.meeting')}
            data={open.map((m) => ({
              value: m.id,
              label: `${m.forumName} ${date.format(new Date(m.startsAt))}`,
            }))}
            value={meetingId}
            onChange={setMeetingId}
            error={errors.meetingId}
            searchable
            required
            comboboxProps={{ withinPortal: true }}
          />
          <DialogFooter
            onCancel={onClose}
            label={t('portfolio.demands.putOnAgenda')}
            loading={save.isPending}
            disabled={!meetingId}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export function DecideDialog({
  opened,
  onClose,
  demand: d,
  onReload,
  routing,
}: DialogProps & { routing: DemandRouting | undefined }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<DemandOutcome>('approved');
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const body = routing?.decidingBody;
  const filter = body?.forumId
    ? `forumId=${body.forumId}`
    : body?.body
      ? `body=${encodeURIComponent(body.body)}`
      : '';
  const decisions = useQuery({
    queryKey: ['portfolio', 'decisions', filter],
    queryFn: ({ signal }) => api.get<Page<Decision>>(`/api/v1/decisions?limit=100&${filter}`, { signal }),
    enabled: opened,
  });
  const save = useAction(
    () => api.post<Demand>(`/api/v1/demands/${d.id}/decide`, { version: d.version, outcome, decisionId }),
    t('portfolio.demands.decided'),
    onClose,
  );
  const errors = useFieldErrors(save.error);
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t('portfolio.demands.decideTitle', { number: d.number })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {body && <Text size="sm">{t('portfolio.demands.decideHelp', { body: body.name })}</Text>}
          <ProblemAlert error={save.error} onReload={onReload} fields={['outcome', 'decisionId']} />
          <Select
            label={t('portfolio.demands.field.outcome')}
            data={demandOutcomes.map((o) => ({ value: o, label: t(`portfolio.demands.outcome.${o}`) }))}
            value={outcome}
            onChange={(x) => x && setOutcome(x as DemandOutcome)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('portfolio.demands.decisionPick')}
            data={(decisions.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.bodyName} ${x.decidedOn} § ${x.paragraph}${x.title ? ` ${x.title}` : ''}`,
            }))}
            value={decisionId}
            onChange={setDecisionId}
            error={errors.decisionId}
            searchable
            required
            comboboxProps={{ withinPortal: true }}
          />
          <DialogFooter
            onCancel={onClose}
            label={t('portfolio.demands.decide')}
            loading={save.isPending}
            disabled={!decisionId}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
