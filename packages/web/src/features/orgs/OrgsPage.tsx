/**
 * 组织管理: the lazy org tree with a search box on the left, the selected org's detail and
 * management actions on the right. `/orgs/:id` opens the page with that org selected.
 */
import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Card, Checkbox, Col, Empty, Input, Result, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { useIsMobile } from '../../shared/use-is-mobile';
import { OrgCloseModal } from './components/OrgCloseModal';
import { type OrgAction, OrgDetail } from './components/OrgDetail';
import { OrgFormModal } from './components/OrgFormModal';
import { OrgMoveModal } from './components/OrgMoveModal';
import { OrgTree } from './components/OrgTree';
import { MAX_QUERY, type Org, reachableAncestors, useOrg, useOrgRoots, useOrgSearch } from './orgs.api';

/** The search box: name, code or pinyin initials; choosing a hit opens it. */
function OrgSearch({ onPick }: { onPick: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim().slice(0, MAX_QUERY));
  const search = useOrgSearch({ q, pageSize: 20 });
  const options = (q ? (search.data?.items ?? []) : []).map((org) => ({
    value: String(org.id),
    label: (
      <div>
        <div>{org.name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {org.code}
          {org.ancestors.length > 0 && ` · ${org.ancestors.map((a) => a.name).join(' / ')}`}
        </Typography.Text>
      </div>
    ),
  }));
  return (
    <AutoComplete
      value={query}
      options={options}
      onSearch={setQuery}
      onSelect={(value: string) => {
        setQuery('');
        onPick(Number(value));
      }}
      style={{ width: '100%' }}
      notFoundContent={q && !search.isFetching ? '未找到匹配的组织' : undefined}
    >
      <Input
        prefix={search.isFetching ? <LoadingOutlined /> : <SearchOutlined />}
        placeholder="搜索名称、代码或拼音首字母（如 keqq）"
        allowClear
        data-testid="org-search"
      />
    </AutoComplete>
  );
}

type Dialog = { kind: Exclude<OrgAction, 'create'>; org: Org } | { kind: 'create'; parent: Org };

export default function OrgsPage() {
  const params = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const roots = useOrgRoots();
  const selectedId = params.id === undefined ? undefined : Number(params.id);
  const isBadId = selectedId !== undefined && !(Number.isInteger(selectedId) && selectedId > 0);
  const org = useOrg(isBadId ? undefined : selectedId);
  const [expandedIds, setExpandedIds] = useState<number[]>([]);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [dialog, setDialog] = useState<Dialog>();
  const detailRef = useRef<HTMLDivElement>(null);
  const rootIds = useMemo(() => (roots.data ?? []).map((r) => r.id), [roots.data]);

  // `/orgs` alone opens the top of the caller's scope.
  useEffect(() => {
    const first = roots.data?.[0];
    if (selectedId === undefined && first) navigate(`/orgs/${first.id}`, { replace: true });
  }, [selectedId, roots.data, navigate]);

  // Start with the top level of the scope open.
  useEffect(() => {
    if (roots.data) setExpandedIds((prev) => (prev.length > 0 ? prev : roots.data.filter((r) => r.childCount > 0).map((r) => r.id)));
  }, [roots.data]);

  // Open the tree down to the selected org, whichever way it was reached (search, link, move).
  const loaded = org.data;
  useEffect(() => {
    if (!loaded) return;
    const path = reachableAncestors(loaded, rootIds).map((a) => a.id);
    if (path.length === 0) return;
    setExpandedIds((prev) => {
      const missing = path.filter((id) => !prev.includes(id));
      return missing.length === 0 ? prev : [...prev, ...missing];
    });
  }, [loaded, rootIds]);

  const select = (id: number) => {
    navigate(`/orgs/${id}`);
    if (isMobile) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const openDialog = (action: OrgAction) => {
    if (!loaded) return;
    setDialog(action === 'create' ? { kind: 'create', parent: loaded } : { kind: action, org: loaded });
  };
  const closeDialog = () => setDialog(undefined);

  let detail = <Empty description="请在左侧选择组织" />;
  if (isBadId) detail = <Result status="404" title="组织不存在" />;
  else if (org.isPending && selectedId !== undefined) detail = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (org.isError) detail = <Result status="404" title="组织不存在或无权访问" />;
  else if (loaded) detail = <OrgDetail org={loaded} rootIds={rootIds} onAction={openDialog} />;

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8} xxl={6}>
          <Card
            title="组织树"
            size="small"
            extra={
              <Checkbox checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)}>
                含已撤销
              </Checkbox>
            }
            styles={{ body: { maxHeight: isMobile ? 360 : 'calc(100vh - 240px)', overflow: 'auto' } }}
          >
            <div style={{ marginBottom: 12 }}>
              <OrgSearch onPick={select} />
            </div>
            <OrgTree
              selectedId={selectedId}
              expandedIds={expandedIds}
              onExpandedChange={setExpandedIds}
              onSelect={select}
              includeClosed={includeClosed}
            />
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16} xxl={18}>
          <div ref={detailRef}>{detail}</div>
        </Col>
      </Row>
      {dialog?.kind === 'create' && (
        <OrgFormModal
          target={{ mode: 'create', parent: dialog.parent }}
          onClose={closeDialog}
          onSaved={(created) => {
            closeDialog();
            navigate(`/orgs/${created.id}`);
          }}
        />
      )}
      {dialog?.kind === 'edit' && <OrgFormModal target={{ mode: 'edit', org: dialog.org }} onClose={closeDialog} onSaved={closeDialog} />}
      {dialog?.kind === 'move' && <OrgMoveModal org={dialog.org} onClose={closeDialog} onMoved={closeDialog} />}
      {dialog?.kind === 'close' && <OrgCloseModal org={dialog.org} onClose={closeDialog} onClosed={closeDialog} />}
    </>
  );
}
