/**
 * The filter row above a list: one grid, so the filters of every page line up the same way on a
 * phone and on a desk, and the filter controls the pages share (a clearable select, an optional
 * year, a status switch with 全部). Values are kept in the URL by the page (`useUrlParams`).
 */
import { Col, type ColProps, DatePicker, Row, Segmented, Select, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { positiveInt } from './url-params';

/** The part of the signed-in user the org filter needs. */
interface HomeOf {
  homeOrgId: number | null;
  grants: readonly { orgId: number }[];
}

/**
 * The org a list page shows: the URL's `orgId`; else, given the user, their home org (or their
 * first grant's); else the first org the user may see (`roots`).
 */
export const pageOrgId = (param: string | null, roots: readonly { id: number }[] | undefined, user?: HomeOf): number | undefined =>
  positiveInt(param) ?? user?.homeOrgId ?? user?.grants[0]?.orgId ?? roots?.[0]?.id;

/** The orgs an org filter offers before anything is typed: the user's top orgs and the one shown. */
export function useOrgSeeds<T extends { id: number }>(roots: readonly T[] | undefined, shown: T | undefined): T[] {
  return useMemo(() => [...(roots ?? []), ...(shown ? [shown] : [])], [roots, shown]);
}

/**
 * How much of the row a filter takes: wide (an org picker, a search box), narrow (a select, a
 * year), a third, or all of it (a status switch).
 */
const SPANS = {
  wide: { xs: 24, md: 12, xl: 8 },
  narrow: { xs: 12, md: 6, xl: 4 },
  third: { xs: 24, md: 8, xl: 6 },
  full: { span: 24 },
} satisfies Record<string, ColProps>;

/** The row of filters: wraps on small screens, 12px apart. */
export function FilterBar({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 16, ...style }}>
      {children}
    </Row>
  );
}

/** One filter's cell in a {@link FilterBar}; Col props (`xs`, `md`, …) override the size's. */
export function FilterItem({ size = 'narrow', children, ...col }: { size?: keyof typeof SPANS; children: ReactNode } & ColProps) {
  return (
    <Col {...SPANS[size]} {...col}>
      {children}
    </Col>
  );
}

/** A select filter: cleared means "all", as wide as its cell. */
export function SelectFilter<T>({ style, ...props }: SelectProps<T>) {
  return <Select<T> allowClear style={{ width: '100%', ...style }} {...props} />;
}

/** An optional year filter (全部年度 when cleared), no year after `max` when one is given. */
export function YearFilter({
  value,
  onChange,
  max,
  'data-testid': testId,
}: {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  max?: number;
  'data-testid'?: string;
}) {
  return (
    <DatePicker
      picker="year"
      value={value ? dayjs(`${value}-01-01`) : null}
      onChange={(d) => onChange(d ? d.year() : undefined)}
      disabledDate={max === undefined ? undefined : (d) => d.year() > max}
      placeholder="全部年度"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The value standing for "no status filter" in a {@link StatusFilter}. */
const ALL = 'all';

/**
 * A status switch led by 全部: `value` undefined is 全部. Scrolls sideways on a phone rather than
 * widening the page.
 */
export function StatusFilter<T extends string>({
  value,
  onChange,
  options,
  'data-testid': testId,
}: {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  options: readonly { value: T; label: string }[];
  'data-testid'?: string;
}) {
  return (
    <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
      <Segmented<T | typeof ALL>
        value={value ?? ALL}
        onChange={(next) => onChange(next === ALL ? undefined : (next as T))}
        options={[{ value: ALL, label: '全部' }, ...options]}
        data-testid={testId}
      />
    </div>
  );
}
