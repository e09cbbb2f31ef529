import { Badge, Code, List, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonLink } from '../directory/parts.tsx';
import { useFormat } from '../format.ts';
import { RecordRefLink } from '../links.tsx';
import { CursorTable } from '../list-page.tsx';
import { type AuditFieldView, useSeam } from '../seam.ts';
import { useCursorList } from '../table.tsx';

// The audit trail as people read it: who did what, when, and what changed (before → after),
// with ids shown as the names of the units and people they point to.

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  requestId: string | null;
  /** The record's name and page, as its module names it (null when it is gone). */
  entityName: string | null;
  entityHref: string | null;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

const HIDDEN_FIELDS = new Set([
  'id',
  'tenantId',
  'searchText',
  'version',
  'updatedAt',
  'createdAt',
  'sortName',
]);

export function useAuditList(filter: AuditFilter, limit = 50, enabled = true) {
  return useCursorList<AuditEvent>(['audit'], '/api/v1/audit', { ...filter, limit }, { enabled });
}

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'sea',
  move: 'cyan',
  archive: 'gray',
  restore: 'teal',
  'grant-role': 'violet',
  'revoke-role': 'red',
  grant: 'violet',
  revoke: 'red',
};

export function ActionBadge({ action }: { action: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={actionColors[action] ?? 'gray'}
      variant="light"
      miw="fit-content"
      styles={{
        root: { textTransform: 'none', fontWeight: 600 },
        label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' },
      }}
    >
      {t(`auditAction.${action}`, { defaultValue: action })}
    </Badge>
  );
}

function ValueView({
  value,
  t,
  dateTime,
  view,
}: {
  value: unknown;
  t: TFunction;
  dateTime: (v: string) => string;
  /** How the module that owns the field shows its value, if it says. */
  view: AuditFieldView | undefined;
}): ReactNode {
  if (value === null || value === undefined || value === '') {
    return (
      <Text span c="dimmed" size="sm">
        {t('common.empty')}
      </Text>
    );
  }
  if (view && typeof value !== 'object') return view(value);
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return <>{dateTime(value)}</>;
  if (typeof value === 'object') return <Code>{JSON.stringify(value)}</Code>;
  return <>{String(value)}</>;
}

/** The changes of one event as a list of "field: before → after" (only "after" for a creation). */
export function ChangesView({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const seam = useSeam();
  const f = useFormat();
  const entries = Object.entries(event.changes).filter(([field]) => !HIDDEN_FIELDS.has(field));
  if (entries.length === 0) return null;
  const onlyAfter = event.action === 'create' || event.action === 'grant' || event.action === 'grant-role';
  const onlyBefore = event.action === 'revoke-role';
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {entries.map(([field, [before, after]]) => (
        <List.Item key={field}>
          <Text span size="sm" fw={600}>
            {t(`field.${field}`, { defaultValue: field })}:
          </Text>{' '}
          {onlyAfter ? (
            <ValueView value={after} t={t} dateTime={f.dateTime} view={seam.auditFields.get(field)} />
          ) : onlyBefore ? (
            <ValueView
              value={before ?? after}
              t={t}
              dateTime={f.dateTime}
              view={seam.auditFields.get(field)}
            />
          ) : (
            <>
              <ValueView value={before} t={t} dateTime={f.dateTime} view={seam.auditFields.get(field)} />
              <Text span c="dimmed" size="sm" mx={4} aria-hidden>
                →
              </Text>
              <span className="visually-hidden">{t('audit.changedTo')}</span>
              <ValueView value={after} t={t} dateTime={f.dateTime} view={seam.auditFields.get(field)} />
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function EntityView({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const view = useSeam().audit.get(event.entity);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {view ? t(view.label) : event.entity}
      </Text>
      {event.entityName ? (
        <RecordRefLink name={event.entityName} href={event.entityHref} />
      ) : (
        <Text size="sm" className="styrbord-mono">
          {event.entityId.slice(0, 8)}
        </Text>
      )}
    </Stack>
  );
}

/** Audit events in a table: when, who, (which record,) what and the changes; "load more" below. */
export function AuditTable({
  list,
  caption,
  minWidth,
  withRecord = false,
  bordered = false,
}: {
  list: ReturnType<typeof useAuditList>;
  caption: string;
  minWidth: number;
  /** A column naming the record each event concerns (the audit log; not a record's own history). */
  withRecord?: boolean;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <CursorTable
      bordered={bordered}
      list={list}
      caption={caption}
      colSpan={withRecord ? 5 : 4}
      minWidth={minWidth}
      emptyText={t('audit.empty')}
      head={
        <Table.Tr>
          <Table.Th scope="col" w={150}>
            {t('audit.when')}
          </Table.Th>
          <Table.Th scope="col" w={180}>
            {t('audit.who')}
          </Table.Th>
          {withRecord && (
            <Table.Th scope="col" w={200}>
              {t('audit.record')}
            </Table.Th>
          )}
          <Table.Th scope="col" w={150}>
            {t('audit.what')}
          </Table.Th>
          <Table.Th scope="col">{t('audit.changes')}</Table.Th>
        </Table.Tr>
      }
    >
      {list.items.map((event) => (
        <Table.Tr key={event.id}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(event.occurredAt)}</Table.Td>
          <Table.Td>
            {event.actorId ? <PersonLink id={event.actorId} name={event.actorName} /> : event.actorName}
          </Table.Td>
          {withRecord && (
            <Table.Td>
              <EntityView event={event} />
            </Table.Td>
          )}
          <Table.Td>
            <ActionBadge action={event.action} />
          </Table.Td>
          <Table.Td>
            <ChangesView event={event} />
          </Table.Td>
        </Table.Tr>
      ))}
    </CursorTable>
  );
}

/** A record's own history (unit page, person page). */
export function History({
  entity,
  entityId,
  caption,
}: {
  entity: string;
  entityId: string;
  caption: string;
}) {
  const list = useAuditList({ entity, entityId }, 20);
  return <AuditTable list={list} caption={caption} minWidth={560} />;
}
