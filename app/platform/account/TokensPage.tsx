import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ProblemAlert, useFieldErrors } from '../errors.tsx';
import { stockholmDayBoundary } from '../format.ts';
import { DateField } from '../inputs.tsx';
import { PageHeader, Section } from '../page.tsx';
import { SecretWithCopy } from '../secret.tsx';
import { type ApiToken, KEY, TokensTable } from './tokens.tsx';

// Personal API tokens for integrations and scripts: created here, shown once, revocable.

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
