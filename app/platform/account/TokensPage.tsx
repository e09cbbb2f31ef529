import { Alert, Button, Code, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { StatusBadge } from '../badges.tsx';
import { ProblemAlert, useFieldErrors } from '../errors.tsx';
import { stockholmDayBoundary, useFormat } from '../format.ts';
import { DateField } from '../inputs.tsx';
import { notifySuccess } from '../notify.ts';
import { EmptyValue, PageHeader, Section } from '../page.tsx';
import { SecretWithCopy } from '../secret.tsx';
import { DataTable } from '../table.tsx';

// Personal API tokens for integrations and scripts: created here, shown once, revocable.

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every list of tokens (own, and a person's on their page) is under this key. */
export const TOKENS_KEY = ['tokens'];
const KEY = TOKENS_KEY;

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: () =>
      api.post<ApiToken & { token: string }>('/api/v1/tokens', {
        name: name.trim(),
        ...(expires ? { expiresAt: stockholmDayBoundary(expires, true) } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const errors = useFieldErrors(create.error);
  function close() {
    setName('');
    setExpires('');
    setNameError(undefined);
    create.reset();
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setNameError(t('serverMessage.required'));
    setNameError(undefined);
    create.mutate();
  }
  const token = create.data?.token;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={token ? t('tokens.createdTitle') : t('tokens.createTitle')}
      closeOnClickOutside={!token}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token ? (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconKey aria-hidden />}>
            {t('tokens.copyNow')}
          </Alert>
          <SecretWithCopy value={token} />
          <Text size="sm" c="dimmed">
            {t('tokens.usage')} <Code>Authorization: Bearer …</Code>
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={create.error} fields={['name', 'expiresAt']} />
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHelp')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError ?? errors.name}
              required
              maxLength={100}
              data-autofocus
            />
            <DateField
              label={t('tokens.expires')}
              description={t('tokens.expiresHelp')}
              value={expires}
              onChange={(value) => setExpires(value ?? '')}
              error={errors.expiresAt}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api.delete(`/api/v1/tokens/${token.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      notifySuccess(t('tokens.revoked', { name: token.name }));
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setOpen(true)}
        aria-label={t('tokens.revokeLabel', { name: token.name })}
      >
        {t('tokens.revoke')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('tokens.revokeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('tokens.revokeConfirm', { name: token.name })}</Text>
          <ProblemAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={() => revoke.mutate()} loading={revoke.isPending} data-autofocus>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** API tokens in a table, each revocable: the person's own, or (for an admin) anyone's. */
export function TokensTable({
  tokens,
  caption,
  emptyText,
}: {
  tokens: UseQueryResult<{ items: ApiToken[] }>;
  caption: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = tokens.data?.items ?? [];
  const now = Date.now();

  function status(token: ApiToken) {
    if (token.revokedAt) return <StatusBadge tone="neutral">{t('tokens.statusRevoked')}</StatusBadge>;
    if (token.expiresAt && new Date(token.expiresAt).getTime() < now)
      return <StatusBadge tone="warning">{t('tokens.statusExpired')}</StatusBadge>;
    return <StatusBadge tone="positive">{t('common.active')}</StatusBadge>;
  }

  return (
    <DataTable
      caption={caption}
      colSpan={7}
      minWidth={820}
      loading={tokens.isPending}
      error={tokens.error}
      empty={items.length === 0}
      emptyText={emptyText}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('tokens.name')}</Table.Th>
          <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
          <Table.Th scope="col">{t('field.createdAt')}</Table.Th>
          <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
          <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
          <Table.Th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </Table.Th>
        </Table.Tr>
      }
    >
      {items.map((token) => (
        <Table.Tr key={token.id}>
          <Table.Td fw={500}>{token.name}</Table.Td>
          <Table.Td>
            <Code>{token.prefix}…</Code>
          </Table.Td>
          <Table.Td>{f.date(token.createdAt)}</Table.Td>
          <Table.Td>{token.expiresAt ? f.date(token.expiresAt) : t('tokens.never')}</Table.Td>
          <Table.Td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : <EmptyValue />}</Table.Td>
          <Table.Td>{status(token)}</Table.Td>
          <Table.Td ta="right">{!token.revokedAt && <RevokeTokenButton token={token} />}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function TokensPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/v1/tokens', { signal }),
  });
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        breadcrumbs={[{ label: t('user.account') }, { label: t('tokens.title') }]}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('tokens.new')}
          </Button>
        }
      />
      <Section id="tokens-list" title={t('tokens.listTitle')} description={t('tokens.docs')}>
        <TokensTable tokens={tokens} caption={t('tokens.caption')} emptyText={t('tokens.none')} />
      </Section>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
