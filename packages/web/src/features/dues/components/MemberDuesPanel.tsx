import { AccountBookOutlined, AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useMemberDues } from '../dues.api';
import { DuesAssessModal } from './DuesAssessModal';
import { DuesPaymentModal } from './DuesPaymentModal';
import { thisMonth } from './dues-display';
import { MemberDuesView } from './MemberDuesView';

/** 登记交纳 and 核定标准 for one member; 登记交纳 waits for a standard. */
export function DuesActions({
  hasStandard,
  onPay,
  onAssess,
  block,
}: {
  hasStandard: boolean;
  onPay: () => void;
  onAssess: () => void;
  /** Full-width buttons (a phone). */
  block?: boolean;
}) {
  return (
    <Space wrap style={block ? { width: '100%' } : undefined} styles={block ? { item: { flex: 1 } } : undefined}>
      <Tooltip title={hasStandard ? undefined : '请先核定交纳标准'}>
        <Button type="primary" icon={<AccountBookOutlined />} disabled={!hasStandard} onClick={onPay} block={block} data-testid="dues-pay">
          登记交纳
        </Button>
      </Tooltip>
      <Button icon={<AuditOutlined />} onClick={onAssess} block={block} data-testid="dues-assess">
        核定标准
      </Button>
    </Space>
  );
}

/**
 * One member's dues with its year picker, loaded by id (the roster's drawer, the member drawer);
 * with `canManage`, 登记交纳 and 核定标准 open their forms here.
 */
export function MemberDuesPanel({ memberId, memberName, canManage }: { memberId: number; memberName: string; canManage: boolean }) {
  const isMobile = useIsMobile();
  const [year, setYear] = useState(() => Number(thisMonth().slice(0, 4)));
  const [dialog, setDialog] = useState<'pay' | 'assess'>();
  const dues = useMemberDues(memberId, year);

  if (dues.isPending) return <Spin size="small" />;
  if (dues.isError) return <Alert type="error" showIcon title="党费情况加载失败" description={dues.error.message} />;
  return (
    <>
      <MemberDuesView
        dues={dues.data}
        year={year}
        onYearChange={setYear}
        actions={
          canManage && (
            <DuesActions
              hasStandard={dues.data.assessments.length > 0}
              onPay={() => setDialog('pay')}
              onAssess={() => setDialog('assess')}
              block={isMobile}
            />
          )
        }
      />
      {dialog === 'pay' && <DuesPaymentModal memberId={memberId} memberName={memberName} onClose={() => setDialog(undefined)} />}
      {dialog === 'assess' && <DuesAssessModal memberId={memberId} memberName={memberName} onClose={() => setDialog(undefined)} />}
    </>
  );
}
