import { Drawer } from 'antd';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { MemberDuesPanel } from './MemberDuesPanel';

/** One member's dues in a drawer (full width on phones), opened from the branch's 台账. */
export function MemberDuesDrawer({
  memberId,
  memberName,
  canManage,
  onClose,
}: {
  memberId: number;
  memberName: string;
  canManage: boolean;
  onClose: () => void;
}) {
  const isMobile = useIsMobile();
  return (
    <Drawer open title={`党费 · ${memberName}`} size={isMobile ? '100%' : 640} onClose={onClose} destroyOnHidden data-testid="dues-drawer">
      <MemberDuesPanel memberId={memberId} memberName={memberName} canManage={canManage} />
    </Drawer>
  );
}
