import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Division, divisionsQuery } from '../orgs.api';

interface DivisionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: DivisionOption[];
}

/** Key under which the city's own sub-divisions (the county units) are kept. */
const CITY = '';

/** Village-level codes (12 digits) have no sub-divisions. */
const isLeafCode = (code: string) => code.length >= 12;

/** County (6) → town (9) → village (12): the cascader path leading to `code`. */
const pathOf = (code: string): string[] => [6, 9, 12].filter((n) => code.length >= n).map((n) => code.slice(0, n));

/**
 * Picks a GB/T 2260 / NBS division code, cascading from 通辽市 (150500) through county and
 * township down to village; any level may be chosen. Sub-levels load as they are opened.
 */
export function DivisionPicker({ value, onChange }: { value?: string | null; onChange?: (code: string | undefined) => void }) {
  const queryClient = useQueryClient();
  const [childrenOf, setChildrenOf] = useState<Record<string, Division[]>>({});

  const load = useCallback(
    async (parent: string) => {
      const items = await queryClient.fetchQuery(divisionsQuery(parent === CITY ? undefined : parent));
      setChildrenOf((prev) => ({ ...prev, [parent]: items }));
    },
    [queryClient],
  );

  // Load the city level, plus the levels along the current value so its names display.
  useEffect(() => {
    const parents = [CITY, ...(value ? pathOf(value).slice(0, -1) : [])];
    for (const parent of parents) void load(parent).catch(() => undefined);
  }, [value, load]);

  const options = useMemo(() => {
    const build = (parent: string): DivisionOption[] =>
      (childrenOf[parent] ?? []).map((d) => ({
        value: d.code,
        label: d.name,
        isLeaf: isLeafCode(d.code),
        children: childrenOf[d.code] ? build(d.code) : undefined,
      }));
    return build(CITY);
  }, [childrenOf]);

  return (
    <Cascader<DivisionOption>
      options={options}
      value={value ? pathOf(value) : undefined}
      onChange={(path) => onChange?.(path?.at(-1) as string | undefined)}
      loadData={(selected) => {
        const last = selected.at(-1);
        if (last && !childrenOf[last.value]) void load(last.value);
      }}
      changeOnSelect
      allowClear
      placeholder="选择旗县区 / 苏木乡镇 / 嘎查村"
      displayRender={(labels) => `${labels.join(' / ')}${value ? `（${value}）` : ''}`}
      style={{ width: '100%' }}
    />
  );
}
