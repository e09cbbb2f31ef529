import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { IconCalendar, IconDots, IconPlayerStop, IconUserPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type System,
  type SystemRole,
  type SystemRoleKind,
  systemRoleCreate,
  systemRoleKinds,
} from '../../../../shared/registry/systems.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { PersonLink, UnitLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useSystemRoles, useSystemsInvalidate } from './api.ts';
import { PersonSelect } from './parts.tsx';

// The roles of a system on its page: who holds which role from when to when, the gaps (no active
// systemägare or förvaltare, or one who has left), the IT-samordnare of the units that use it,
// and grants made on the roles page without a registry role. Appoint, change dates and end.

type Status = 'inEffect' | 'upcoming' | 'past';

function statusOf(role: SystemRole, today: string): Status {
  if (role.inEffect) return 'inEffect';
  return role.validFrom > today ? 'upcoming' : 'past';
}

const statusColor: Record<Status, string> = { inEffect: 'green', upcoming: 'blue', past: 'gray' };

export function RolesSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const f = useFormat();
  const roles = useSystemRoles(system.id);
  const [appointing, setAppointing] = useState(false);
  const [changing, setChanging] = useState<SystemRole | null>(null);
  const [ending, setEnding] = useState<SystemRole | null>(null);
  const data = roles.data;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const kind = (k: string) => t(`registry.systems.roles.kinds.${k}`, { defaultValue: k });
  const manage = (data?.can.manageRoles ?? false) && system.archivedAt === null;

  return (
    <Section
      id="system-roles"
      title={t('registry.systems.roles.title')}
      actions={
        manage ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUserPlus size={14} aria-hidden />}
            onClick={() => setAppointing(true)}
          >
            {t('registry.systems.roles.appoint')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {data &&
          (data.gaps.length > 0 ? (
            <Alert
              color="orange"
              variant="light"
              title={t('registry.systems.roles.gap', { kinds: data.gaps.map(kind).join(', ') })}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('registry.systems.roles.noGaps')}
            </Text>
          ))}
        {data && data.roles.length === 0 ? (
          // No empty table in the page's narrow column: its headers would overflow into a
          // scroll region a keyboard cannot reach (axe: scrollable-region-focusable).
          <Text size="sm" c="dimmed">
            {t('registry.systems.roles.none')}
          </Text>
        ) : (
          <DataTable
            caption={t('registry.systems.roles.caption')}
            colSpan={manage ? 5 : 4}
            minWidth={560}
            loading={roles.isPending}
            error={roles.error}
            empty={(data?.roles.length ?? 0) === 0}
            emptyText={t('registry.systems.roles.none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('registry.systems.roles.kind')}</Table.Th>
                <Table.Th scope="col">{t('registry.systems.roles.person')}</Table.Th>
                <Table.Th scope="col">{t('registry.systems.roles.period')}</Table.Th>
                <Table.Th scope="col">{t('registry.systems.roles.status')}</Table.Th>
                {manage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            }
          >
            {data?.roles.map((role) => {
              const status = statusOf(role, today);
              const gap = role.personArchived && status === 'inEffect';
              return (
                <Table.Tr key={role.id} bg={gap ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Td>{kind(role.kind)}</Table.Td>
                  <Table.Td>
                    <PersonLink id={role.personId} name={role.personName} />
                    {role.personArchived && (
                      <Badge
                        color="orange"
                        variant="light"
                        ml={6}
                        styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
                      >
                        {t('registry.systems.roles.hasLeft')}
                      </Badge>
                    )}
                    {role.note && (
                      <Text size="xs" c="dimmed">
                        {role.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {f.date(role.validFrom)} –{' '}
                    {role.validTo ? f.date(role.validTo) : t('registry.systems.roles.untilFurther')}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={statusColor[status]}
                      variant="light"
                      styles={{
                        root: { textTransform: 'none' },
                        label: { color: 'var(--mantine-color-gray-9)' },
                      }}
                    >
                      {t(`registry.systems.roles.${status}`)}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      {role.can.update && (
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('registry.systems.roles.actions', { name: role.personName })}
                            >
                              <IconDots size={16} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconCalendar size={14} aria-hidden />}
                              onClick={() => setChanging(role)}
                            >
                              {t('registry.systems.roles.change')}
                            </Menu.Item>
                            <Menu.Item
                              color="red.9"
                              leftSection={<IconPlayerStop size={14} aria-hidden />}
                              onClick={() => setEnding(role)}
                            >
                              {t('registry.systems.roles.end')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </DataTable>
        )}

        {data && data.itCoordinators.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('registry.systems.roles.coordinators')}
            </Text>
            <List spacing={4} size="sm">
              {data.itCoordinators.map((unit) => (
                <List.Item key={unit.unitId}>
                  <UnitLink id={unit.unitId} />:{' '}
                  {unit.people.length === 0 ? (
                    <EmptyValue />
                  ) : (
                    unit.people.map((p, i) => (
                      <span key={p.personId}>
                        {i > 0 && ', '}
                        <PersonLink id={p.personId} name={p.personName} />
                        {p.viaUnitId !== unit.unitId && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('registry.systems.roles.via', { unit: p.viaUnitName })})
                          </Text>
                        )}
                      </span>
                    ))
                  )}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}

        {data && data.directGrants.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('registry.systems.roles.direct')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('registry.systems.roles.directHelp')}
            </Text>
            <List spacing={4} size="sm">
              {data.directGrants.map((g) => (
                <List.Item key={g.grantId}>
                  {t(`role.${g.role}.name`, { defaultValue: g.role })}:{' '}
                  <PersonLink id={g.personId} name={g.personName} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
      <AppointDialog opened={appointing} onClose={() => setAppointing(false)} system={system} />
      <ChangeDialog role={changing} onClose={() => setChanging(null)} onReload={() => roles.refetch()} />
      <EndDialog role={ending} onClose={() => setEnding(null)} onReload={() => roles.refetch()} />
    </Section>
  );
}

function AppointDialog({
  opened,
  onClose,
  system,
}: {
  opened: boolean;
  onClose: () => void;
  system: System;
}) {
  const { t } = useTranslation();
  const invalidate = useSystemsInvalidate();
  const [kind, setKind] = useState<SystemRoleKind>('systemOwner');
  const [personId, setPersonId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState<string | undefined>();
  const [validTo, setValidTo] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const client = useClientErrors();
  useEffect(() => {
    if (opened) {
      setKind('systemOwner');
      setPersonId(null);
      setValidFrom(undefined);
      setValidTo(undefined);
      setNote('');
    }
  }, [opened]);
  const body = () => ({
    kind,
    personId: personId ?? '',
    ...(validFrom ? { validFrom } : {}),
    validTo: validTo ?? null,
    note: note.trim() || null,
  });
  const appoint = useMutation({
    mutationFn: () => api.post<SystemRole>(`/api/v1/systems/${system.id}/roles`, body()),
    onSuccess: async (role) => {
      await invalidate();
      notifySuccess(t('registry.systems.roles.appointed', { name: role.personName }));
      close();
    },
  });
  const errors = { ...useFieldErrors(appoint.error), ...client.errors };
  function close() {
    appoint.reset();
    client.clear();
    onClose();
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (client.check(systemRoleCreate, body())) appoint.mutate();
    else focusFirstInvalid(e.currentTarget);
  }
  return (
    <Dialog opened={opened} onClose={close} title={t('registry.systems.roles.appointTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={appoint.error} fields={['kind', 'personId', 'validFrom', 'validTo', 'note']} />
          <Select
            label={t('registry.systems.roles.kind')}
            data={systemRoleKinds
              .filter((k) => system.ownDeveloped || (k !== 'productOwner' && k !== 'productManager'))
              .map((k) => ({ value: k, label: t(`registry.systems.roles.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as SystemRoleKind)}
            allowDeselect={false}
            required
            error={errors.kind}
            comboboxProps={{ withinPortal: true }}
          />
          <PersonSelect
            label={t('registry.systems.roles.person')}
            placeholder={t('registry.systems.roles.personPlaceholder')}
            value={personId}
            onChange={setPersonId}
            error={errors.personId}
            required
            autoFocus
          />
          <Group grow align="flex-start">
            <DateField
              label={t('registry.systems.roles.validFrom')}
              description={t('registry.systems.roles.validFromHelp')}
              value={validFrom}
              onChange={setValidFrom}
              error={errors.validFrom}
            />
            <DateField
              label={t('registry.systems.roles.validTo')}
              description={t('registry.systems.roles.validToHelp')}
              value={validTo}
              onChange={setValidTo}
              error={errors.validTo}
            />
          </Group>
          <Textarea
            label={t('registry.systems.roles.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <DialogFooter
            onCancel={close}
            label={t('registry.systems.roles.appoint')}
            loading={appoint.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

function ChangeDialog({
  role,
  onClose,
  onReload,
}: {
  role: SystemRole | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useSystemsInvalidate();
  const [validFrom, setValidFrom] = useState<string | undefined>();
  const [validTo, setValidTo] = useState<string | undefined>();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (role) {
      setValidFrom(role.validFrom);
      setValidTo(role.validTo ?? undefined);
      setNote(role.note ?? '');
    }
  }, [role]);
  const change = useMutation({
    mutationFn: () =>
      api.patch<SystemRole>(`/api/v1/system-roles/${role!.id}`, {
        version: role!.version,
        ...(validFrom ? { validFrom } : {}),
        validTo: validTo ?? null,
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
  });
  const errors = useFieldErrors(change.error);
  function close() {
    change.reset();
    onClose();
  }
  return (
    <Dialog
      opened={role !== null}
      onClose={close}
      title={
        role
          ? t('registry.systems.roles.changeTitle', {
              kind: t(`registry.systems.roles.kinds.${role.kind}`),
              name: role.personName,
            })
          : ''
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate();
        }}
        noValidate
      >
        <Stack>
          <ProblemAlert
            error={change.error}
            fields={['validFrom', 'validTo', 'note']}
            onReload={async () => {
              await onReload();
              close();
            }}
          />
          <DateField
            label={t('registry.systems.roles.validFrom')}
            value={validFrom}
            onChange={setValidFrom}
            error={errors.validFrom}
            required
            data-autofocus
          />
          <DateField
            label={t('registry.systems.roles.validTo')}
            description={t('registry.systems.roles.validToHelp')}
            value={validTo}
            onChange={setValidTo}
            error={errors.validTo}
          />
          <Textarea
            label={t('registry.systems.roles.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={change.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

function EndDialog({
  role,
  onClose,
  onReload,
}: {
  role: SystemRole | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useSystemsInvalidate();
  const [endsOn, setEndsOn] = useState<string | undefined>();
  useEffect(() => {
    if (role) setEndsOn(undefined);
  }, [role]);
  const end = useMutation({
    mutationFn: () =>
      api.post<SystemRole>(`/api/v1/system-roles/${role!.id}/end`, {
        version: role!.version,
        ...(endsOn ? { endsOn } : {}),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('registry.systems.roles.ended'));
      close();
    },
  });
  const errors = useFieldErrors(end.error);
  function close() {
    end.reset();
    onClose();
  }
  return (
    <Dialog
      opened={role !== null}
      onClose={close}
      title={
        role
          ? t('registry.systems.roles.endTitle', {
              kind: t(`registry.systems.roles.kinds.${role.kind}`),
              name: role.personName,
            })
          : ''
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          end.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('registry.systems.roles.endHelp')}</Text>
          <ProblemAlert
            error={end.error}
            fields={['endsOn']}
            onReload={async () => {
              await onReload();
              close();
            }}
          />
          <DateField
            label={t('registry.systems.roles.endsOn')}
            description={t('registry.systems.roles.endsOnHelp')}
            value={endsOn}
            onChange={setEndsOn}
            error={errors.endsOn}
            data-autofocus
          />
          <DialogFooter
            onCancel={close}
            label={t('registry.systems.roles.end')}
            color="red.9"
            loading={end.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
