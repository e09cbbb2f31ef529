import { Button, Center, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { type InfiniteData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, query } from './api.ts';
import { ProblemAlert } from './errors.tsx';
import { useFormat } from './format.ts';
import { Loading } from './Loading.tsx';

// Lists: keyset pages fetched one after another ("Visa fler"), shown in a real table with a
// caption, a loading state, an empty state and the error if any.

export function useCursorList<T>(
  queryKey: QueryKey,
  path: string,
  params: Record<string, string | number | boolean | undefined | null>,
  options: { enabled?: boolean } = {},
) {
  const result = useInfiniteQuery<Page<T>, Error, InfiniteData<Page<T>>, QueryKey, string | undefined>({
    queryKey: [...queryKey, params],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(`${path}${query({ ...params, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}

interface DataTableProps {
  caption: string;
  /** Show the caption visibly above the table (otherwise for screen readers only). */
  showCaption?: boolean;
  head: ReactNode;
  children: ReactNode;
  minWidth?: number;
  loading?: boolean;
  error?: unknown;
  empty?: boolean;
  emptyText?: string;
  colSpan: number;
}

/** Whether the element scrolls sideways, followed as it and its content change size. */
function useScrolls() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return { ref, scrolls };
}

export function DataTable({
  caption,
  showCaption,
  head,
  children,
  minWidth = 640,
  loading,
  error,
  empty,
  emptyText,
  colSpan,
}: DataTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const { ref, scrolls } = useScrolls();
  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <Table.ScrollContainer
        ref={ref}
        minWidth={minWidth}
        type="native"
        // A table wider than its place scrolls sideways: then the keyboard must reach it too (a
        // region in the tab order, named by the caption), and only then, so a table that fits
        // adds no stop of its own.
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? 'region' : undefined}
        aria-labelledby={scrolls ? captionId : undefined}
      >
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="sm">
          <Table.Caption id={captionId} style={{ captionSide: 'top', textAlign: 'start', marginTop: 0 }}>
            {showCaption ? caption : <VisuallyHidden>{caption}</VisuallyHidden>}
          </Table.Caption>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>
            {children}
            {loading && (
              <Table.Tr>
                <Table.Td colSpan={colSpan}>
                  <Center py="md">
                    <Loading size="sm" />
                  </Center>
                </Table.Td>
              </Table.Tr>
            )}
            {!loading && empty && (
              <Table.Tr>
                <Table.Td colSpan={colSpan}>
                  <Text c="dimmed" ta="center" py="md" size="sm">
                    {emptyText ?? t('common.nothingFound')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** "Showing 50" and a button that fetches the next page. */
export function LoadMore({
  count,
  hasMore,
  loading,
  onMore,
}: {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasMore
          ? t('list.showingMore', { count, formatted: f.number(count) })
          : t('list.showingAll', { count, formatted: f.number(count) })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onMore} loading={loading}>
          {t('list.loadMore')}
        </Button>
      )}
    </Group>
  );
}
