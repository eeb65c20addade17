import { Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { MAX_MEMBER_QUERY, type Member, useMembers } from '../members.api';

interface MemberOption {
  value: number;
  label: string;
  member: Member;
}

export interface MemberSelectProps {
  value?: number;
  onChange?: (id: number | undefined, member?: Member) => void;
  /** Search only under this org (the caller's whole scope when omitted). */
  orgId?: number;
  placeholder?: string;
  'data-testid'?: string;
}

/**
 * Picks a member of the roll by typing a name, pinyin or a whole ID number; each option shows the
 * branch and the masked ID, since names repeat. The server searches within the caller's scope only.
 */
export function MemberSelect({ value, onChange, orgId, placeholder = '输入姓名、拼音或完整公民身份号码搜索', ...rest }: MemberSelectProps) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Member>();
  const q = useDebouncedValue(query.trim().slice(0, MAX_MEMBER_QUERY));
  const search = useMembers({ orgId, q, page: 1, pageSize: 20 }, q !== '');

  const options = useMemo(() => {
    const found: MemberOption[] = (q ? (search.data?.items ?? []) : []).map((m) => ({ value: m.id, label: m.name, member: m }));
    // Keep the picked member's name visible once the search moves on.
    if (picked && picked.id === value && !found.some((o) => o.value === picked.id)) {
      found.push({ value: picked.id, label: picked.name, member: picked });
    }
    return found;
  }, [search.data, q, picked, value]);

  return (
    <Select<number, MemberOption>
      value={value}
      onChange={(id, option) => {
        const member = Array.isArray(option) ? undefined : option?.member;
        setPicked(member);
        onChange?.(id, member);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={search.isFetching}
      placeholder={placeholder}
      allowClear
      style={{ width: '100%' }}
      notFoundContent={q ? (search.isFetching ? '搜索中…' : '未找到匹配的党员') : '请输入关键字'}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.member.orgName} · {option.data.member.idNumber}
          </Typography.Text>
        </div>
      )}
      {...rest}
    />
  );
}
