/**
 * 组织关系转接: letters coming in to the caller's scope (转入) and going out of it (转出), each
 * filtered by status. 接收 records the arrival of an incoming letter still pending (the member then
 * moves to the receiving branch); 撤回 withdraws an outgoing one. A letter between two branches of
 * the same scope is listed under both tabs. 登记系统外转入 registers a member whose letter comes from
 * outside the system, received at once. `?direction=out` keeps the tab in the URL.
 */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { StatusFilter } from '../../shared/FilterBar';
import { ListTable, usePager } from '../../shared/ListTable';
import { TRANSFER_STATUS_OPTIONS } from '../../shared/labels';
import { oneOf, useUrlParams } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAbilities } from '../auth/auth.api';
import { MemberDrawer } from '../members/components/MemberDrawer';
import { CancelTransferButton } from './components/CancelTransferButton';
import { InboundTransferModal } from './components/InboundTransferModal';
import { ReceiveModal } from './components/ReceiveModal';
import { isOutbound, sourceOf, TransferStatusTag, targetOf } from './components/transfer-display';
import { type Transfer, type TransferDirection, type TransferStatus, useTransfers } from './transfers.api';

const TRANSFER_STATUSES = TRANSFER_STATUS_OPTIONS.map((o) => o.value);

/** The receiving side, with a tag when it lies outside the system. */
const Target = ({ transfer }: { transfer: Transfer }) => (
  <>
    {targetOf(transfer)}
    {isOutbound(transfer) && <Tag style={{ marginInlineStart: 6 }}>转出本系统</Tag>}
  </>
);

/**
 * What the caller may do with a letter on this tab, as the letter's abilities say: 接收 on 转入,
 * 撤回 on 转出 (a letter between two branches of the scope is on both tabs, with one action each).
 */
function RowActions({
  transfer,
  direction,
  onReceive,
}: {
  transfer: Transfer;
  direction: TransferDirection;
  onReceive: (t: Transfer) => void;
}) {
  if (direction === 'in') {
    if (!transfer.abilities.canReceive) return null;
    return (
      <Button size="small" type="primary" icon={<ImportOutlined />} onClick={() => onReceive(transfer)} data-testid="transfer-receive">
        接收
      </Button>
    );
  }
  return transfer.abilities.canCancel ? <CancelTransferButton transfer={transfer} size="small" /> : null;
}

export default function TransfersPage() {
  const pager = usePager();
  const [params, update] = useUrlParams({ onChange: pager.reset });
  const abilities = useAbilities();
  const isMobile = useIsMobile();
  const direction: TransferDirection = params.get('direction') === 'out' ? 'out' : 'in';
  const status = oneOf(params.get('status'), TRANSFER_STATUSES);
  const list = useTransfers({ direction, status, page: pager.page, pageSize: pager.pageSize });
  // Only the counts of the letters waiting, for the tabs' badges.
  const pendingIn = useTransfers({ direction: 'in', status: 'pending', pageSize: 1 });
  const pendingOut = useTransfers({ direction: 'out', status: 'pending', pageSize: 1 });
  const [receiving, setReceiving] = useState<Transfer>();
  const [openMemberId, setOpenMemberId] = useState<number>();
  const [isRegistering, setIsRegistering] = useState(false);
  const canManage = abilities.has('transfer.manage');

  const memberLink = (t: Transfer) => (
    <Typography.Link onClick={() => setOpenMemberId(t.memberId)} data-testid="transfer-member">
      {t.memberName}
    </Typography.Link>
  );
  const actions = (t: Transfer) => (canManage ? <RowActions transfer={t} direction={direction} onReceive={setReceiving} /> : null);

  const columns: TableColumnsType<Transfer> = [
    { title: '党员', key: 'member', width: 96, fixed: 'left', render: (_, t) => memberLink(t) },
    { title: '转出党组织', key: 'source', width: 200, ellipsis: true, render: (_, t) => sourceOf(t) },
    { title: '接收党组织', key: 'target', width: 220, ellipsis: true, render: (_, t) => <Target transfer={t} /> },
    { title: '介绍信编号', dataIndex: 'letterNo', width: 170, ellipsis: true },
    { title: '开具日期', dataIndex: 'issuedAt', width: 110 },
    { title: '接收日期', key: 'receivedAt', width: 110, render: (_, t) => (isOutbound(t) ? '—' : (t.receivedAt ?? '—')) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: TransferStatus) => <TransferStatusTag status={s} /> },
    ...(canManage ? [{ title: '操作', key: 'actions', width: 100, render: (_: unknown, t: Transfer) => actions(t) }] : []),
  ];

  /** On a phone: who goes where, and the letter's state with its action, without scrolling sideways. */
  const phoneColumns: TableColumnsType<Transfer> = [
    {
      title: '党员 · 去向',
      key: 'member',
      render: (_, t) => (
        <>
          {memberLink(t)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sourceOf(t)} → <Target transfer={t} />
            </Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.letterNo} · {t.issuedAt}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 96,
      render: (_, t) => (
        <Space orientation="vertical" size={4}>
          <TransferStatusTag status={t.status} />
          {actions(t)}
        </Space>
      ),
    },
  ];

  const tabLabel = (label: string, pending: number | undefined) => (
    <Space size={6}>
      <span>{label}</span>
      <Badge count={pending ?? 0} size="small" title={`待接收 ${pending ?? 0} 份`} />
    </Space>
  );

  return (
    <Card
      title="组织关系转接"
      extra={
        direction === 'in' &&
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsRegistering(true)} data-testid="transfer-inbound">
            {isMobile ? '系统外转入' : '登记系统外转入'}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={direction}
        onChange={(key) => update({ direction: key === 'out' ? 'out' : undefined })}
        items={[
          { key: 'in', label: tabLabel('转入', pendingIn.data?.total) },
          { key: 'out', label: tabLabel('转出', pendingOut.data?.total) },
        ]}
        data-testid="transfer-tabs"
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <StatusFilter<TransferStatus>
          value={status}
          onChange={(value) => update({ status: value })}
          options={TRANSFER_STATUS_OPTIONS}
          data-testid="transfer-filter-status"
        />
        {!isMobile && (
          <Typography.Text type="secondary">
            {direction === 'in'
              ? '转入本管辖范围党支部的介绍信；接收后党员编入接收党支部。'
              : '本管辖范围党支部开具的介绍信；待接收的可以撤回。'}
          </Typography.Text>
        )}
      </Space>
      <ListTable<Transfer>
        rowKey="id"
        columns={isMobile ? phoneColumns : columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={isMobile ? undefined : { x: canManage ? 1096 : 996 }}
        locale={{ emptyText: direction === 'in' ? '暂无转入的组织关系' : '暂无转出的组织关系' }}
        pager={pager}
        total={list.data?.total ?? 0}
        totalText={(total) => `共 ${total} 份`}
        data-testid="transfer-table"
        data-direction={direction}
      />
      {isRegistering && (
        <InboundTransferModal
          onClose={() => setIsRegistering(false)}
          onSaved={(member) => {
            setIsRegistering(false);
            setOpenMemberId(member.id);
          }}
        />
      )}
      {receiving && <ReceiveModal transfer={receiving} onClose={() => setReceiving(undefined)} />}
      {openMemberId !== undefined && <MemberDrawer key={openMemberId} memberId={openMemberId} onClose={() => setOpenMemberId(undefined)} />}
    </Card>
  );
}
