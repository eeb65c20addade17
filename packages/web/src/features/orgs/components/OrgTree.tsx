import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Empty, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { type Org, orgChildrenQuery, useOrgRoots } from '../orgs.api';

export interface OrgTreeProps {
  selectedId?: number;
  expandedIds: number[];
  onExpandedChange: (ids: number[]) => void;
  onSelect: (id: number) => void;
  includeClosed: boolean;
}

const nodeTitle = (org: Org) => (
  <span>
    {org.name}
    {org.closedAt && (
      <Tag color="default" style={{ marginInlineStart: 6 }}>
        已撤销
      </Tag>
    )}
  </span>
);

const containsKey = (nodes: readonly TreeDataNode[], key: number): boolean =>
  nodes.some((n) => n.key === key || (n.children !== undefined && containsKey(n.children, key)));

/**
 * The org tree, loaded level by level. Children of every expanded node come from the query
 * cache, so invalidating `['orgs']` after a write refreshes whatever is open.
 */
export function OrgTree({ selectedId, expandedIds, onExpandedChange, onSelect, includeClosed }: OrgTreeProps) {
  const queryClient = useQueryClient();
  const roots = useOrgRoots();
  const containerRef = useRef<HTMLDivElement>(null);
  const children = useQueries({
    queries: expandedIds.map((id) => orgChildrenQuery(id, includeClosed)),
    combine: (results) => results.map((r) => r.data),
  });

  const treeData = useMemo(() => {
    const childrenOf = new Map<number, Org[]>();
    expandedIds.forEach((id, i) => {
      const items = children[i];
      if (items) childrenOf.set(id, items);
    });
    const toNode = (org: Org): TreeDataNode => {
      const loaded = childrenOf.get(org.id);
      return {
        key: org.id,
        title: nodeTitle(org),
        isLeaf: org.childCount === 0,
        children: loaded?.map(toNode),
      };
    };
    return (roots.data ?? []).map(toNode);
  }, [roots.data, expandedIds, children]);

  // Keep the selected node in view once it is loaded, when it is opened from a search or a deep link.
  const isSelectedShown = useMemo(() => selectedId !== undefined && containsKey(treeData, selectedId), [treeData, selectedId]);
  useEffect(() => {
    if (!isSelectedShown) return;
    containerRef.current?.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' });
  }, [isSelectedShown]);

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (treeData.length === 0) return <Empty description="没有可查看的组织" />;

  return (
    <div ref={containerRef} data-testid="org-tree">
      <Tree
        blockNode
        showLine
        treeData={treeData}
        selectedKeys={selectedId === undefined ? [] : [selectedId]}
        expandedKeys={expandedIds}
        onExpand={(keys) => onExpandedChange(keys.map(Number))}
        onSelect={(keys, info) => {
          // Clicking the selected node again would deselect it; keep the detail open instead.
          const key = keys[0] ?? info.node.key;
          onSelect(Number(key));
        }}
        loadData={(node) => queryClient.ensureQueryData(orgChildrenQuery(Number(node.key), includeClosed)).then(() => undefined)}
      />
    </div>
  );
}
