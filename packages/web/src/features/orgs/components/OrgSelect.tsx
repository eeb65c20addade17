import { Select, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { MAX_QUERY, type Org, useOrgSearch } from '../orgs.api';

interface OrgOption {
  value: number;
  label: string;
  org?: Org;
}

export interface OrgSelectProps {
  value?: number;
  onChange?: (id: number | undefined, org?: Org) => void;
  /** Orgs known before any search (the current value, the scope roots) so their names show. */
  seeds?: readonly { id: number; name: string }[];
  /** Leave this org and its subtree out (a move target cannot be inside the moved org). */
  excludePath?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

const isInSubtree = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Picks an org by typing its name, code or pinyin initials (`klqq` → 科尔沁区…); the server
 * searches within the caller's scope only.
 */
export function OrgSelect({
  value,
  onChange,
  seeds = [],
  excludePath,
  placeholder = '输入名称、代码或拼音首字母搜索',
  allowClear,
  style,
  ...rest
}: OrgSelectProps) {
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim().slice(0, MAX_QUERY));
  const search = useOrgSearch({ q, pageSize: 20 });

  const options = useMemo(() => {
    const found: OrgOption[] = (search.data?.items ?? [])
      .filter((org) => !excludePath || !isInSubtree(org.path, excludePath))
      .map((org) => ({ value: org.id, label: org.name, org }));
    const known = new Set(found.map((o) => o.value));
    // Seeds keep the selected org's name visible when it is not among the search results.
    const seeded: OrgOption[] = [];
    for (const seed of seeds) {
      if (known.has(seed.id)) continue;
      known.add(seed.id);
      seeded.push({ value: seed.id, label: seed.name });
    }
    return q ? [...found, ...seeded.filter((s) => s.value === value)] : [...seeded, ...found];
  }, [search.data, seeds, excludePath, q, value]);

  return (
    <Select<number, OrgOption>
      value={value}
      onChange={(id, option) => onChange?.(id, Array.isArray(option) ? undefined : option?.org)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={search.isFetching}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      notFoundContent={q ? (search.isFetching ? '搜索中…' : '未找到匹配的组织') : '请输入关键字'}
      optionRender={(option) => {
        const org = option.data.org;
        return (
          <div>
            <div>{option.data.label}</div>
            {org && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {org.code}
                {org.ancestors.length > 0 && ` · ${org.ancestors.map((a) => a.name).join(' / ')}`}
              </Typography.Text>
            )}
          </div>
        );
      }}
      {...rest}
    />
  );
}
