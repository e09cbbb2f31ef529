import { Alert, Button, Center, Menu } from '@mantine/core';
import { IconArchive, IconChevronDown, IconHistory, IconPencil, IconRestore } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { ProblemAlert } from './errors.tsx';
import { Loading } from './Loading.tsx';
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
  if (isNotFound(error)) return <NotFoundPage />;
  return error ? (
    <ProblemAlert error={error} />
  ) : (
    <Center py="xl">
      <Loading />
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
  /** Whether the reader may do it (the record's `can`); left out when not. */
  allowed?: boolean;
};

/** What the reader may do with the record, as the API says (`record.can`). */
export interface RecordCan {
  update: boolean;
  archive: boolean;
  restore: boolean;
  readHistory?: boolean;
}

/**
 * Edit, or Restore when archived, and the "more actions" menu; each only when the record's `can`
 * allows it, so nothing here knows a role. Archive stays in the menu, disabled, when the reader
 * may change the record but not archive it (their own person record).
 */
export function RecordActions({
  archived,
  can,
  onEdit,
  restore,
  items,
  history,
  onArchive,
}: {
  archived: boolean;
  can: RecordCan;
  onEdit: () => void;
  /** The restore mutation (see useRestore). */
  restore: { mutate: () => void; isPending: boolean };
  items: RecordAction[];
  history: { entity: string; entityId: string };
  onArchive: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (archived) {
    return can.restore ? (
      <Button
        variant="default"
        leftSection={<IconRestore size={16} aria-hidden />}
        loading={restore.isPending}
        onClick={() => restore.mutate()}
      >
        {t('common.restore')}
      </Button>
    ) : null;
  }
  const allowed = items.filter((item) => item.allowed !== false);
  const menu = can.update || can.archive || allowed.length > 0;
  return (
    <>
      {can.update && (
        <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {menu && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t('common.moreActions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {allowed.map((item) => (
              <Menu.Item key={item.label} leftSection={item.icon} onClick={item.onClick}>
                {item.label}
              </Menu.Item>
            ))}
            {can.readHistory !== false && (
              <Menu.Item
                leftSection={<IconHistory size={16} aria-hidden />}
                onClick={() => void navigate({ to: '/admin/audit', search: history })}
              >
                {t('common.openInAuditLog')}
              </Menu.Item>
            )}
            <Menu.Divider role="separator" />
            <Menu.Item
              color="red.9"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={onArchive}
              disabled={!can.archive}
            >
              {t('common.archive')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </>
  );
}
