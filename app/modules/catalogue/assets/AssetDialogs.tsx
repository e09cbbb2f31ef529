import { Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Asset,
  type AssetAction,
  assetIssue,
  assetReturn,
  assetScrap,
} from '../../../../shared/catalogue/assets.ts';
import { api } from '../../../platform/api.ts';
import { FormDialog, useClientErrors } from '../../../platform/dialogs.tsx';
import { useEditBase } from '../../../platform/edit-base.ts';
import { useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect, RemoteSelect } from '../../desk/inputs.tsx';
import { useCatalogueInvalidate } from '../api.ts';
import { todayIso } from './parts.tsx';

// Issue, return and scrap: one dialog each, on the version the asset had when the dialog opened
// (useEditBase: a background refetch does not swap it), with the date the person states. The
// server checks the state and the dates; a conflict offers to reload.

const schemas = { issue: assetIssue, return: assetReturn, scrap: assetScrap } as const;

export function AssetActionDialog({
  action,
  asset,
  onClose,
  onReload,
}: {
  /** The dialog open, or null. */
  action: AssetAction | null;
  asset: Asset;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const opened = action !== null;
  const invalidate = useCatalogueInvalidate();
  const { base, rebase } = useEditBase(opened, asset);
  const [on, setOn] = useState(todayIso());
  const [unit, setUnit] = useState<Named | null>(null);
  const [person, setPerson] = useState<Named | null>(null);
  const [reason, setReason] = useState('');
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!opened) return;
    setOn(todayIso());
    setUnit(null);
    setPerson(null);
    setReason('');
  }, [opened]);
  const body = () => {
    const version = base?.version ?? asset.version;
    if (action === 'issue') return { version, unitId: unit?.id ?? '', personId: person?.id ?? null, on };
    if (action === 'scrap') return { version, on, reason };
    return { version, on };
  };
  const run = useMutation({
    mutationFn: () => api.post<Asset>(`/api/v1/catalogue/assets/${asset.id}/${action}`, body()),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t(`catalogue.assets.${action}Done`));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = { ...useFieldErrors(run.error), ...client.errors };
  function close() {
    run.reset();
    client.clear();
    onClose();
  }
  if (!action) return null;
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={m(`${action}Title`, { name: asset.serial })}
      help={m(`${action}Help`)}
      formRef={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        if (client.check(schemas[action], body())) run.mutate();
        else focusFirstInvalid(e.currentTarget);
      }}
      error={run.error}
      fields={['unitId', 'personId', 'on', 'reason']}
      onReload={() =>
        void rebase(async () => {
          await onReload();
          run.reset();
        })
      }
      submitLabel={m(action)}
      loading={run.isPending}
      // red.9: white on Mantine's filled red (red.7) is 3.8:1, below AA's 4.5:1.
      color={action === 'scrap' ? 'red.9' : undefined}
      size="md"
    >
      {action === 'issue' && (
        <>
          <RemoteSelect
            path="/api/v1/units"
            labelOf={(u) => String(u.name)}
            label={m('field.unit')}
            description={m('unitHelp')}
            value={unit}
            onChange={setUnit}
            error={errors.unitId}
            required
            data-autofocus
          />
          <PersonSelect
            label={m('field.person')}
            value={person}
            onChange={setPerson}
            error={errors.personId}
          />
        </>
      )}
      <TextInput
        type="date"
        label={m(`${action}On`)}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors.on}
        required
        data-autofocus={action !== 'issue' ? true : undefined}
      />
      {action === 'scrap' && (
        <Textarea
          label={m('field.scrapReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
      )}
    </FormDialog>
  );
}
