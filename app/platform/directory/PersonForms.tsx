import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, personCreate, type RecordRef } from '../../../shared/directory.ts';
import { type Role, roleAllowsScope } from '../../../shared/roles.ts';
import { TOKENS_KEY } from '../account/tokens.tsx';
import { api } from '../api.ts';
import { Dialog, DialogFooter, MoveDialog } from '../dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../errors.tsx';
import { focusFirstInvalid, orNull } from '../form.ts';
import { notifySuccess } from '../notify.ts';
import { useRecordForm } from '../record-form.ts';
import { useSeam } from '../seam.ts';
import { SecretWithCopy } from '../secret.tsx';
import { useOrgInvalidate } from './api.ts';
import { UnitSelect } from './parts.tsx';

// Creating, editing and moving a person; granting a role; a temporary password by an admin.

interface PersonValues {
  givenName: string;
  familyName: string;
  email: string;
  title: string;
  phone: string;
  employeeNumber: string;
  unitId: string | null;
  active: boolean;
}

function valuesOf(person: Person | null, unitId: string | null): PersonValues {
  return {
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    phone: person?.phone ?? '',
    employeeNumber: person?.employeeNumber ?? '',
    unitId: person?.unitId ?? unitId,
    active: person?.active ?? true,
  };
}

interface PersonFormModalProps {
  opened: boolean;
  onClose: () => void;
  person: Person | null;
  unitId?: string | null;
  onReload?: () => Promise<unknown>;
}

export function PersonFormModal({ opened, onClose, person, unitId = null, onReload }: PersonFormModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useOrgInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: person,
    initial: () => valuesOf(person, unitId),
    collection: '/api/v1/people',
    payload: (v: PersonValues) => ({
      givenName: v.givenName.trim(),
      familyName: v.familyName.trim(),
      email: v.email.trim(),
      title: orNull(v.title),
      phone: orNull(v.phone),
      employeeNumber: orNull(v.employeeNumber),
      active: v.active,
    }),
    createOnly: (v) => ({ unitId: v.unitId }),
    before: (p) => ({
      givenName: p.givenName,
      familyName: p.familyName,
      email: p.email,
      title: p.title,
      phone: p.phone,
      employeeNumber: p.employeeNumber,
      active: p.active,
    }),
    schema: personCreate,
    invalidate,
    createdMessage: (saved) => t('person.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/people/$personId', params: { personId: saved.id } }),
    onReload,
  });

  const text = (field: 'givenName' | 'familyName' | 'email' | 'title' | 'phone' | 'employeeNumber') => ({
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: errors[field],
  });

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('person.createTitle') : t('person.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={[
              'givenName',
              'familyName',
              'email',
              'title',
              'phone',
              'employeeNumber',
              'unitId',
              'active',
            ]}
            onReload={reload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('field.givenName')}
              required
              data-autofocus
              autoComplete="off"
              maxLength={100}
              {...text('givenName')}
            />
            <TextInput
              label={t('field.familyName')}
              required
              autoComplete="off"
              maxLength={100}
              {...text('familyName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('field.email')}
            type="email"
            required
            autoComplete="off"
            maxLength={254}
            {...text('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('field.title')} maxLength={200} {...text('title')} />
            <TextInput label={t('field.phone')} type="tel" maxLength={40} {...text('phone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('field.employeeNumber')} maxLength={40} {...text('employeeNumber')} />
            {creating && (
              <UnitSelect
                label={t('field.unitId')}
                placeholder={t('person.noUnit')}
                value={values.unitId}
                onChange={(unit) => setValues((v) => ({ ...v, unitId: unit }))}
                error={errors.unitId}
              />
            )}
          </SimpleGrid>
          <Switch
            label={t('field.active')}
            description={t('person.activeHelp')}
            checked={values.active}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, active: checked }));
            }}
            error={errors.active}
          />
          <DialogFooter
            onCancel={close}
            label={creating ? t('person.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export function MovePersonModal({
  opened,
  onClose,
  person,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  person: Person;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  return (
    <MoveDialog
      opened={opened}
      onClose={onClose}
      title={t('person.moveTitle', { name: person.name })}
      path={`/api/v1/people/${person.id}`}
      version={person.version}
      field="unitId"
      current={person.unitId}
      label={t('person.move')}
      doneMessage={t('person.moved')}
      onReload={onReload}
      invalidate={invalidate}
    >
      {(unitId, setUnitId, error) => (
        <UnitSelect
          label={t('field.unitId')}
          placeholder={t('person.noUnit')}
          value={unitId}
          onChange={setUnitId}
          error={error}
          data-autofocus
        />
      )}
    </MoveDialog>
  );
}

interface ScopeKinds {
  items: { kind: string; roles: Role[] }[];
  grantableRoles: Role[];
}

/** Scopes of one registered kind (a module's systems, groups, forums) found by name. */
function ScopeSelect({
  kind,
  value,
  onChange,
  ...props
}: {
  kind: string;
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  description: string;
  placeholder: string;
  error?: string;
  required: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['scopes', kind, search],
    queryFn: () =>
      api.get<{ items: RecordRef[] }>(
        `/api/v1/scopes/${kind}?limit=20${search ? `&search=${encodeURIComponent(search)}` : ''}`,
      ),
  });
  return (
    <Select
      searchable
      clearable
      data={(found.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      nothingFoundMessage={found.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

export function GrantRoleModal({
  opened,
  onClose,
  person,
}: {
  opened: boolean;
  onClose: () => void;
  person: Person;
}) {
  const { t } = useTranslation();
  const seam = useSeam();
  const invalidate = useOrgInvalidate();
  const kinds = useQuery({
    queryKey: ['scope-kinds'],
    queryFn: () => api.get<ScopeKinds>('/api/v1/scope-kinds'),
    enabled: opened,
  });
  const [role, setRole] = useState<Role | null>(null);
  const [scopeId, setScopeId] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (opened) {
      setRole(null);
      setScopeId(null);
      setClientErrors({});
    }
  }, [opened]);
  // The kind of scope the chosen role takes besides `global` (each role takes at most one today).
  const scopeKind = role
    ? kinds.data?.items.find((k) => k.kind !== 'global' && k.roles.includes(role))?.kind
    : undefined;
  const allowsGlobal = role ? roleAllowsScope(role, 'global') : true;
  const kindName = scopeKind
    ? t(seam.scopeKinds.get(scopeKind) ?? `scope.${scopeKind}`, { defaultValue: scopeKind })
    : '';
  const grant = useMutation({
    mutationFn: () =>
      api.post('/api/v1/role-assignments', {
        personId: person.id,
        role,
        ...(scopeKind && scopeId ? { scope: scopeKind, scopeId } : { scope: 'global' }),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('roles.granted', { role: t(`role.${role}.name`), name: person.name }));
      close();
    },
  });
  const serverErrors = useFieldErrors(grant.error);
  const errors = { ...serverErrors, ...clientErrors };
  function close() {
    grant.reset();
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!role) found.role = t('serverMessage.required');
    else if (!allowsGlobal && !scopeId) found.scopeId = t('serverMessage.roleNeedsScope');
    setClientErrors(found);
    if (Object.keys(found).length === 0) grant.mutate();
    else focusFirstInvalid(event.currentTarget as HTMLFormElement);
  }
  const scopeProps = {
    description: allowsGlobal ? t('roles.scopeOptional') : t('roles.scopeRequired', { kind: kindName }),
    error: errors.scopeId ?? errors.scope,
    required: !allowsGlobal,
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('roles.grantTitle', { name: person.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={grant.error} fields={['role', 'scope', 'scopeId']} />
          <Select
            label={t('field.role')}
            placeholder={t('roles.chooseRole')}
            data={(kinds.data?.grantableRoles ?? []).map((r) => ({ value: r, label: t(`role.${r}.name`) }))}
            value={role}
            onChange={(v) => {
              setRole(v as Role | null);
              setScopeId(null);
            }}
            error={errors.role}
            required
            data-autofocus
            maxDropdownHeight={520}
            comboboxProps={{ withinPortal: true }}
          />
          {role && (
            <Text size="sm" c="dimmed">
              {t(`role.${role}.description`)}
            </Text>
          )}
          {scopeKind === 'unit' && (
            <UnitSelect
              label={t('roles.forUnit')}
              placeholder={allowsGlobal ? t('roles.wholeOrganisation') : t('roles.chooseUnit')}
              value={scopeId}
              onChange={setScopeId}
              {...scopeProps}
            />
          )}
          {scopeKind && scopeKind !== 'unit' && (
            <ScopeSelect
              key={scopeKind}
              kind={scopeKind}
              label={t('roles.forScope', { kind: kindName })}
              placeholder={
                allowsGlobal ? t('roles.wholeOrganisation') : t('roles.chooseScope', { kind: kindName })
              }
              value={scopeId}
              onChange={setScopeId}
              {...scopeProps}
            />
          )}
          <DialogFooter onCancel={close} label={t('roles.grant')} loading={grant.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

/** An admin gives a person a temporary password; it is shown once, here, and never again. */
export function PasswordResetModal({
  opened,
  onClose,
  person,
}: {
  opened: boolean;
  onClose: () => void;
  person: Person;
}) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  const queryClient = useQueryClient();
  const [revokeTokens, setRevokeTokens] = useState(false);
  const reset = useMutation({
    mutationFn: () =>
      api.post<{ temporaryPassword: string }>(`/api/v1/people/${person.id}/password-reset`, { revokeTokens }),
    onSuccess: () => {
      void invalidate();
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  function close() {
    reset.reset();
    setRevokeTokens(false);
    onClose();
  }
  const password = reset.data?.temporaryPassword;
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('passwordReset.title', { name: person.name })}
      closeOnClickOutside={!password}
    >
      <Stack>
        <ProblemAlert error={reset.error} />
        {password ? (
          <>
            <Alert
              color="green"
              variant="light"
              icon={<IconKey aria-hidden />}
              title={t('passwordReset.doneTitle')}
            >
              {t('passwordReset.done')}
            </Alert>
            <SecretWithCopy value={password} size="lg" />
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.done')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('passwordReset.help')}</Text>
            <Checkbox
              label={t('passwordReset.revokeTokens')}
              description={t('passwordReset.revokeTokensHelp')}
              checked={revokeTokens}
              onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
            />
            <DialogFooter
              onCancel={close}
              label={t('passwordReset.confirm')}
              loading={reset.isPending}
              onConfirm={() => reset.mutate()}
            />
          </>
        )}
      </Stack>
    </Dialog>
  );
}
