import { EditOutlined, EyeOutlined, RollbackOutlined, SwapOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { EXIT_TYPE_LABELS, GENDER_LABELS, OCCUPATION_LABELS } from '@jishi/domain';
import { App, Button, Descriptions, type DescriptionsProps, Drawer, Popconfirm, Result, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { labelOf } from '../../../shared/labels';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { MemberDuesPanel } from '../../dues/components/MemberDuesPanel';
import { MemberHonors } from '../../honors/components/MemberHonors';
import { TransferFormModal } from '../../transfers/components/TransferFormModal';
import { TransferHistory } from '../../transfers/components/TransferHistory';
import { useMemberTransfers } from '../../transfers/transfers.api';
import { type Member, type RevealField, useMember, useUpdateMember } from '../members.api';
import { MemberExitModal } from './MemberExitModal';
import { MemberFormModal } from './MemberFormModal';
import { MemberReviews } from './MemberReviews';
import { MemberStatusTag, partyAgeText } from './member-display';
import { RevealModal } from './RevealModal';

type Dialog = { kind: 'edit' | 'exit' | 'transfer' } | { kind: 'reveal'; field: RevealField };

/** A masked value with 查看 (when allowed), or the revealed value with the note that the view was recorded. */
function SealedValue({
  field,
  masked,
  revealed,
  canReveal,
  onReveal,
}: {
  field: RevealField;
  masked: string | null;
  revealed: string | undefined;
  canReveal: boolean;
  onReveal: () => void;
}) {
  if (masked === null) return <span>—</span>;
  if (revealed !== undefined) {
    return (
      <Space size={8} wrap>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="revealed-value" data-field={field}>
          {revealed}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已留痕（本次查看已记入审计日志）
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space size={8} wrap>
      <span style={{ fontFamily: 'monospace' }}>{masked}</span>
      {canReveal && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={onReveal}
          style={{ padding: 0 }}
          data-testid={`member-reveal-${field}`}
        >
          查看
        </Button>
      )}
    </Space>
  );
}

/**
 * One member's record in a drawer (full width on phones): every field, the audited reveal of the
 * full ID number and phone, its 组织关系转接 letters, its 表彰与纪念章, its 党费 (登记交纳 and 核定标准
 * too), and 编辑 / 组织关系转接 / 减少 when the record's abilities allow. Revealed values live only in this component's state and are gone when the drawer closes.
 */
export function MemberDrawer({ memberId, initial, onClose }: { memberId: number; initial?: Member; onClose: () => void }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const detail = useMember(memberId);
  const restore = useUpdateMember();
  const transfers = useMemberTransfers(memberId);
  const [dialog, setDialog] = useState<Dialog>();
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string>>>({});
  const member = detail.data ?? initial;
  const closeDialog = () => setDialog(undefined);

  let body = <Spin style={{ display: 'block', margin: 48 }} />;
  if (!member && detail.isError) body = <Result status="404" title="党员不存在或无权查看" />;
  if (member) {
    const items: DescriptionsProps['items'] = [
      { key: 'name', label: '姓名', children: member.name },
      { key: 'gender', label: '性别', children: labelOf(GENDER_LABELS, member.gender) },
      { key: 'ethnicity', label: '民族', children: member.ethnicity },
      { key: 'birth', label: '出生日期', children: `${member.birthDate}（${member.age} 岁）` },
      {
        key: 'idNumber',
        label: '公民身份号码',
        span: 'filled',
        children: (
          <SealedValue
            field="idNumber"
            masked={member.idNumber}
            revealed={revealed.idNumber}
            canReveal={member.abilities.canReveal}
            onReveal={() => setDialog({ kind: 'reveal', field: 'idNumber' })}
          />
        ),
      },
      {
        key: 'phone',
        label: '手机号码',
        span: 'filled',
        children: (
          <SealedValue
            field="phone"
            masked={member.phone}
            revealed={revealed.phone}
            canReveal={member.abilities.canReveal}
            onReveal={() => setDialog({ kind: 'reveal', field: 'phone' })}
          />
        ),
      },
      { key: 'education', label: '学历', children: member.education ?? '—' },
      { key: 'occupation', label: '人员类别', children: labelOf(OCCUPATION_LABELS, member.occupation) },
      { key: 'org', label: '所在支部', span: 'filled', children: <Link to={`/orgs/${member.orgId}`}>{member.orgName}</Link> },
      { key: 'joinedAt', label: '入党日期', children: member.joinedAt },
      { key: 'fullMemberAt', label: '转正日期', children: member.fullMemberAt ?? '—' },
      {
        key: 'partyAge',
        label: '党龄',
        children: member.partyAgeSince ? `${partyAgeText(member)}（自 ${member.partyAgeSince} 起算）` : partyAgeText(member),
      },
      { key: 'status', label: '状态', children: <MemberStatusTag member={member} /> },
      { key: 'isFlowing', label: '流动党员', children: member.isFlowing ? '是' : '否' },
      { key: 'isInService', label: '在职党员', children: member.isInService ? '是' : '否' },
    ];
    if (member.exitType) {
      items.push({
        key: 'exit',
        label: '减少',
        span: 'filled',
        children: `${labelOf(EXIT_TYPE_LABELS, member.exitType)} · ${member.exitAt ?? '—'}`,
      });
    }
    body = (
      <>
        <Descriptions bordered size="small" column={isMobile ? 1 : 2} items={items} data-testid="member-detail" />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          组织关系转接记录
        </Typography.Title>
        <TransferHistory memberId={member.id} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          表彰与纪念章
        </Typography.Title>
        <MemberHonors memberId={member.id} />
        <MemberReviews memberId={member.id} />
        <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, marginTop: 24 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            党费
          </Typography.Title>
          {!member.exitType && (
            <Link to={`/dues?orgId=${member.orgId}`} data-testid="member-dues-link">
              所在支部党费台账
            </Link>
          )}
        </div>
        <div style={{ marginTop: 12 }}>
          <MemberDuesPanel memberId={member.id} memberName={member.name} canManage={member.abilities.canManage && !member.exitType} />
        </div>
      </>
    );
  }

  const canManage = member?.abilities.canManage ?? false;
  // One letter at a time: a new one waits until the pending one is received or withdrawn.
  const hasPendingTransfer = transfers.data?.some((t) => t.status === 'pending') ?? false;
  const actions = member && canManage && (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })} data-testid="member-edit">
        编辑
      </Button>
      {member.exitType ? (
        <Popconfirm
          title="撤销减少？"
          description="该党员将恢复计入党员名册"
          onConfirm={() =>
            restore.mutate(
              { id: member.id, patch: { exitType: null, exitAt: null } },
              {
                onSuccess: () => message.success('已撤销减少'),
                onError: (error) => message.error(error.message),
              },
            )
          }
        >
          <Button icon={<RollbackOutlined />} loading={restore.isPending} data-testid="member-restore">
            撤销减少
          </Button>
        </Popconfirm>
      ) : (
        <>
          <Tooltip title={hasPendingTransfer ? '已有待接收的介绍信，接收或撤回后方可再办理' : undefined}>
            <Button
              icon={<SwapOutlined />}
              disabled={hasPendingTransfer}
              onClick={() => setDialog({ kind: 'transfer' })}
              data-testid="member-transfer"
            >
              组织关系转接
            </Button>
          </Tooltip>
          <Button danger icon={<UserDeleteOutlined />} onClick={() => setDialog({ kind: 'exit' })} data-testid="member-exit">
            减少
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <Drawer
      open
      title={member ? `党员信息 · ${member.name}` : '党员信息'}
      size={isMobile ? '100%' : 720}
      onClose={onClose}
      extra={isMobile ? undefined : actions}
      footer={isMobile && actions ? actions : undefined}
      destroyOnHidden
      data-testid="member-drawer"
    >
      {body}
      {member && dialog?.kind === 'reveal' && (
        <RevealModal
          member={member}
          field={dialog.field}
          onClose={closeDialog}
          onRevealed={(field, value) => {
            setRevealed((prev) => ({ ...prev, [field]: value }));
            closeDialog();
          }}
        />
      )}
      {member && dialog?.kind === 'edit' && (
        <MemberFormModal
          target={{ mode: 'edit', member }}
          onClose={closeDialog}
          onSaved={() => {
            // A revealed phone may just have changed: show the masked value again.
            setRevealed({});
            closeDialog();
          }}
        />
      )}
      {member && dialog?.kind === 'exit' && <MemberExitModal member={member} onClose={closeDialog} onSaved={closeDialog} />}
      {member && dialog?.kind === 'transfer' && <TransferFormModal member={member} onClose={closeDialog} onSaved={closeDialog} />}
    </Drawer>
  );
}
