/**
 * The list tables of the pages: one pager (the page in the page's state, back to the first page
 * when the URL's filters change) and one table shell (compact on a phone, rows that open).
 */
import { Table, type TableProps } from 'antd';
import { type MouseEvent, useCallback, useState } from 'react';
import { useIsMobile } from './use-is-mobile';

/** The rows a list shows at a time unless it says otherwise. */
export const DEFAULT_PAGE_SIZE = 20;

/** Which page of a list is shown, and how to change it. */
export interface Pager {
  page: number;
  pageSize: number;
  /** Whether the user may pick another page size. */
  sizeChanger: boolean;
  /** Shows `page`, with `pageSize` rows when the size changer gave a new one (from its first page). */
  go: (page: number, pageSize?: number) => void;
  /** Back to the first page: a list filtered anew starts there. Stable, for `useUrlParams({ onChange })`. */
  reset: () => void;
}

/**
 * The page of one list table. Kept in the page's state, not the URL: a filter in the URL that
 * changes calls `reset` (`useUrlParams({ onChange: pager.reset })`).
 */
export function usePager({ pageSize = DEFAULT_PAGE_SIZE, sizeChanger = false }: { pageSize?: number; sizeChanger?: boolean } = {}): Pager {
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(pageSize);
  const reset = useCallback(() => setPage(1), []);
  const go = (next: number, nextSize = size) => {
    setPage(nextSize === size ? next : 1);
    setSize(nextSize);
  };
  return { page, pageSize: size, sizeChanger, go, reset };
}

/** `(page - 1) * pageSize + index + 1`: a row's number across pages (序号). */
export const rowNumber = (pager: Pager, index: number) => (pager.page - 1) * pager.pageSize + index + 1;

export interface ListTableProps<Row> extends Omit<TableProps<Row>, 'pagination'> {
  /** The page shown; without one the table shows every row (a short list). */
  pager?: Pager;
  /** The row count of a list paged by the server (only this page's rows are loaded); the rows are paged here otherwise. */
  total?: number;
  /** `共 N 项` under the table. */
  totalText?: (total: number) => string;
  /** Keep the pager (and its total) on a single page too. */
  alwaysShowPager?: boolean;
  /** Opens a row: a click anywhere on it but its selection box (in place of `onRow`). */
  onOpen?: (row: Row) => void;
}

/**
 * An antd Table as the list pages show one: compact on a phone, paged by `pager` (the simple
 * pager on a phone, no size changer unless the pager has one, hidden on a single page unless
 * `alwaysShowPager`), and rows that open with `onOpen`.
 */
export function ListTable<Row extends object>({
  pager,
  total,
  totalText,
  alwaysShowPager = false,
  onOpen,
  onRow,
  size,
  ...props
}: ListTableProps<Row>) {
  const isMobile = useIsMobile();
  const open = (row: Row) => (event: MouseEvent) => {
    // A click on a selection checkbox (or around it in its cell) selects the row, not opens it.
    if ((event.target as HTMLElement).closest('.ant-table-selection-column')) return;
    onOpen?.(row);
  };
  return (
    <Table<Row>
      size={size ?? (isMobile ? 'small' : 'middle')}
      onRow={onOpen ? (row) => ({ onClick: open(row), style: { cursor: 'pointer' } }) : onRow}
      pagination={
        pager
          ? {
              current: pager.page,
              pageSize: pager.pageSize,
              total,
              showSizeChanger: pager.sizeChanger,
              simple: isMobile,
              hideOnSinglePage: !alwaysShowPager,
              showTotal: totalText,
              onChange: pager.go,
            }
          : false
      }
      {...props}
    />
  );
}
