import { Paper, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
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
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { usePortfolioInvalidate } from '../api.ts';
import { PickMany, PickOne } from './parts.tsx';

// "Lämna en idé": anyone signed in submits an idea or a need in their own words (what, why, who
// benefits, which systems); an IT-kundansvarig registers one for a unit the same way. The submitter
// follows it on its page and is told at each status step.

interface Values {
  title: string;
  description: string;
  reason: string;
  beneficiaries: string;
  scope: DemandScope;
  unitId: string | null;
  systemIds: string[];
}

export function SubmitIdeaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = usePortfolioInvalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const client = useClientErrors();
  const [values, setValues] = useState<Values>({
    title: '',
    description: '',
    reason: '',
    beneficiaries: '',
    scope: 'local',
    unitId: null,
    systemIds: [],
  });
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const body = () => ({
    title: values.title.trim(),
    description: values.description,
    scope: values.scope,
    unitId: values.unitId,
    systemIds: values.systemIds,
    reason: values.reason || null,
    beneficiaries: values.beneficiaries || null,
  });
  const save = useMutation({
    mutationFn: () => api.post<Demand>('/api/v1/demands', body()),
    onSuccess: async (demand) => {
      await invalidate();
      notifySuccess(t('portfolio.demands.portal.done', { number: demand.number }));
      await navigate({ to: '/portfolio/demands/$demandId', params: { demandId: demand.id } });
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(save.error), ...client.errors };
  const field = (name: string) => t(`portfolio.demands.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('portfolio.demands.portal.title')}
        description={t('portfolio.demands.portal.description')}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: t('portfolio.demands.title'), to: '/portfolio/demands' },
          { label: t('portfolio.demands.portal.title') },
        ]}
      />
      <Paper withBorder p="lg" maw={760}>
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
            />
            <Textarea
              label={field('description')}
              description={t('portfolio.demands.portal.descriptionHelp')}
              value={values.description}
              onChange={(e) => set('description')(e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={4}
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
            <PickOne
              label={field('unit')}
              path="/api/v1/units"
              value={values.unitId}
              onChange={set('unitId')}
              error={errors.unitId}
            />
            <PickMany
              label={field('systems')}
              description={t('portfolio.demands.portal.systemsHelp')}
              path="/api/v1/systems"
              value={values.systemIds}
              onChange={set('systemIds')}
              error={errors.systemIds}
            />
            <DialogFooter
              onCancel={() => void navigate({ to: '/portfolio/demands' })}
              label={t('portfolio.demands.portal.submit')}
              loading={save.isPending}
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
