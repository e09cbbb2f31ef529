import { Alert, Button, Center, Loader, Menu } from '@mantine/core';
import { IconArchive, IconChevronDown, IconHistory, IconPencil, IconRestore } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { ProblemAlert } from './errors.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// The parts every record page has: the header actions, Edit (or Restore when archived) and a
// "more actions" menu ending with "open in audit log" and Archive; what is shown while the record
// loads or when it is missing; and the notices about an archived record.

/** Whether a record query failed because the record does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Instead of a record page: "not found", the error, or a loader while it loads. */
export function RecordFallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isNotFound(error)) return <NotFoundPage />;
  return error ? (
    <ProblemAlert error={error} />
  ) : (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Below a record's header: why restoring failed, and that (and why) the record is archived. */
export function RecordNotices({
  restoreError,
  onReload,
  archived,
}: {
  restoreError: unknown;
  onReload: () => void;
  /** The archived notice's title and the reason given; null when not archived. */
  archived: { title: string; reason: string | null } | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {restoreError ? <ProblemAlert error={restoreError} onReload={onReload} /> : null}
      {archived && (
        <Alert color="gray" variant="light" mb="md" title={archived.title}>
          {t('common.reason')}: {archived.reason}
        </Alert>
      )}
    </>
  );
}

export type RecordAction = {
  icon: ReactNode;
  label: string;
  onClick: () => void;
};

export function RecordActions({
  archived,
  onEdit,
  restore,
  items,
  history,
  onArchive,
  archiveDisabled,
}: {
  archived: boolean;
  onEdit: () => void;
  /** The restore mutation (see useRestore). */
  restore: { mutate: () => void; isPending: boolean };
  items: RecordAction[];
  history: { entity: string; entityId: string };
  onArchive: () => void;
  archiveDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      {!archived && (
        <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {archived ? (
        <Button
          variant="default"
          leftSection={<IconRestore size={16} aria-hidden />}
          loading={restore.isPending}
          onClick={() => restore.mutate()}
        >
          {t('common.restore')}
        </Button>
      ) : (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t('common.moreActions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {items.map((item) => (
              <Menu.Item key={item.label} leftSection={item.icon} onClick={item.onClick}>
                {item.label}
              </Menu.Item>
            ))}
            <Menu.Item
              leftSection={<IconHistory size={16} aria-hidden />}
              onClick={() => void navigate({ to: '/admin/audit', search: history })}
            >
              {t('common.openInAuditLog')}
            </Menu.Item>
            <Menu.Divider role="separator" />
            <Menu.Item
              color="red.9"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={onArchive}
              disabled={archiveDisabled}
            >
              {t('common.archive')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </>
  );
}
