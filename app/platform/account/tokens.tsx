import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { StatusBadge } from '../badges.tsx';
import { ProblemAlert } from '../errors.tsx';
import { useFormat } from '../format.ts';
import { notifySuccess } from '../notify.ts';
import { EmptyValue } from '../page.tsx';
import { DataTable } from '../table.tsx';

// Shared by the tokens page and the person page, apart from the pages so each stays its own lazily loaded chunk.

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

export const KEY = TOKENS_KEY;

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
