import { Checkbox, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Demand,
  type DemandScope,
  demandCreate,
  demandScopes,
} from '../../../../shared/portfolio/demands.ts';
import { api } from '../../../platform/api.ts';
import { DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { usePortfolioInvalidate, useRegistersDemands } from '../api.ts';
import { PickMany, PickOne } from './parts.tsx';

// The form that makes a demand (POST /api/v1/demands), shared by the portal's "Lämna en idé" and
// the desk's "Gör till behov" of a change ticket: what, why, who benefits, the scope, the unit and
// the systems. Anyone submits for their own unit; those who register demands for units (an
// IT-kundansvarig, the portfolio's keepers) may choose another, as the server's registerFor allows.

export interface DemandValues {
  title: string;
  description: string;
  reason: string;
  beneficiaries: string;
  scope: DemandScope;
  unitId: string | null;
  systemIds: string[];
}

const empty: DemandValues = {
  title: '',
  description: '',
  reason: '',
  beneficiaries: '',
  scope: 'local',
  unitId: null,
  systemIds: [],
};

interface Props {
  initial?: Partial<DemandValues>;
  /** The desk's change ticket promoted into the demand. */
  fromTicketId?: string;
  /**
   * `own`: the submitter's own unit (`ownUnitId`), with "Registrera för en enhet" for those who
   * register for units; `pick`: the unit chosen outright (a promotion, prefilled with the ticket's).
   */
  unit: 'own' | 'pick';
  ownUnitId?: string | null;
  submitLabel: string;
  onCancel: () => void;
  onCreated: (demand: Demand) => Promise<void> | void;
  /** Fewer rows for the long texts (in a dialog). */
  compact?: boolean;
}

export function DemandCreateForm({
  initial,
  fromTicketId,
  unit,
  ownUnitId = null,
  submitLabel,
  onCancel,
  onCreated,
  compact,
}: Props) {
  const { t } = useTranslation();
  const invalidate = usePortfolioInvalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const client = useClientErrors();
  const registers = useRegistersDemands();
  const [values, setValues] = useState<DemandValues>(() => ({
    ...empty,
    unitId: ownUnitId,
    ...initial,
  }));
  // Registering for another unit than one's own (the portal's choice; a promotion always picks).
  const [forUnit, setForUnit] = useState(unit === 'pick');
  const set =
    <K extends keyof DemandValues>(key: K) =>
    (value: DemandValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const body = () => ({
    title: values.title.trim(),
    description: values.description,
    scope: values.scope,
    unitId: forUnit ? values.unitId : ownUnitId,
    systemIds: values.systemIds,
    reason: values.reason || null,
    beneficiaries: values.beneficiaries || null,
    ...(fromTicketId ? { fromTicketId } : {}),
  });
  const save = useMutation({
    mutationFn: () => api.post<Demand>('/api/v1/demands', body()),
    onSuccess: async (demand) => {
      await invalidate();
      await onCreated(demand);
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(save.error), ...client.errors };
  const field = (name: string) => t(`portfolio.demands.field.${name}`);
  const rows = compact ? 2 : 4;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (client.check(demandCreate, body())) save.mutate();
        else focusFirstInvalid(formRef.current);
      }}
    >
      <Stack gap="md">
        <ProblemAlert
          error={save.error}
          fields={['title', 'description', 'scope', 'unitId', 'systemIds', 'reason', 'beneficiaries']}
        />
        <TextInput
          label={field('title')}
          description={t('portfolio.demands.portal.titleHelp')}
          value={values.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          required
          maxLength={200}
          data-autofocus={compact || undefined}
        />
        <Textarea
          label={field('description')}
          description={t('portfolio.demands.portal.descriptionHelp')}
          value={values.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={rows}
          maxRows={compact ? 8 : undefined}
          maxLength={8000}
        />
        <Textarea
          label={field('reason')}
          value={values.reason}
          onChange={(e) => set('reason')(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Textarea
          label={field('beneficiaries')}
          value={values.beneficiaries}
          onChange={(e) => set('beneficiaries')(e.currentTarget.value)}
          error={errors.beneficiaries}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Radio.Group
          label={field('scope')}
          value={values.scope}
          onChange={(v) => set('scope')(v as DemandScope)}
          error={errors.scope}
        >
          <Stack gap="xs" mt="xs">
            {demandScopes.map((s) => (
              <Radio
                key={s}
                value={s}
                label={t(`portfolio.demands.scope.${s}`)}
                description={t(`portfolio.demands.scopeHelp.${s}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {unit === 'own' && registers && (
          <Checkbox
            label={t('portfolio.demands.portal.registerFor')}
            description={t('portfolio.demands.portal.registerForHelp')}
            checked={forUnit}
            onChange={(e) => setForUnit(e.currentTarget.checked)}
          />
        )}
        {forUnit ? (
          <PickOne
            label={field('unit')}
            path="/api/v1/units"
            value={values.unitId}
            onChange={set('unitId')}
            error={errors.unitId}
          />
        ) : (
          ownUnitId && (
            <Text size="sm" c="dimmed">
              {t('portfolio.demands.portal.ownUnit')}
            </Text>
          )
        )}
        <PickMany
          label={field('systems')}
          description={t('portfolio.demands.portal.systemsHelp')}
          path="/api/v1/systems"
          value={values.systemIds}
          onChange={set('systemIds')}
          error={errors.systemIds}
        />
        <DialogFooter onCancel={onCancel} label={submitLabel} loading={save.isPending} />
      </Stack>
    </form>
  );
}
