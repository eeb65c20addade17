import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, usePager } from '../../shared/ListTable';
import { useIsMobile } from '../../shared/use-is-mobile';
import { type Reminder, type ReminderStatus, reminderLink, useReminders } from './reminders.api';

const STATUS_OPTIONS: { value: ReminderStatus; label: string }[] = [
  { value: 'open', label: '待办' },
  { value: 'resolved', label: '已办结' },
];

/** One reminder: what is due (a link to the record), where, and by when. */
function ReminderItem({ reminder: r, onFollow }: { reminder: Reminder; onFollow: () => void }) {
  const to = reminderLink(r);
  return (
    <div data-testid="reminder-item" data-overdue={r.overdue} data-kind={r.kind}>
      <div>
        {to ? (
          <Link to={to} onClick={onFollow} data-testid="reminder-link">
            {r.title}
          </Link>
        ) : (
          <Typography.Text>{r.title}</Typography.Text>
        )}
      </div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Tag>{r.kindName}</Tag>
        {r.resolvedAt ? (
          <Tag color="green">{r.resolvedAt} 已办结</Tag>
        ) : (
          <Tag color={r.overdue ? 'red' : 'orange'}>
            {r.overdue ? '已逾期' : '将到期'} · {r.dueDate}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.orgName}
        </Typography.Text>
      </Space>
    </div>
  );
}

/**
 * The header's bell: the number of open reminders in the caller's scope (red when some are
 * overdue), opening a drawer that lists them, soonest due first, each linking to its record.
 */
export function ReminderBell() {
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ReminderStatus>('open');
  const pager = usePager();
  const pending = useReminders('open');
  const shown = useReminders(status, open);
  const total = pending.data?.total ?? 0;
  const overdue = pending.data?.overdue ?? 0;
  const label = pending.data ? `待办提醒 ${total} 项${overdue > 0 ? `，其中已逾期 ${overdue} 项` : ''}` : '待办提醒';

  return (
    <>
      <Button
        type="text"
        aria-label={label}
        title={label}
        onClick={() => setOpen(true)}
        data-testid="reminder-bell"
        data-total={total}
        data-overdue={overdue}
        style={{ paddingInline: 8 }}
      >
        <Badge count={total} size="small" color={overdue > 0 ? 'red' : 'blue'} overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
      <Drawer
        open={open}
        title="待办提醒"
        size={isMobile ? '100%' : 440}
        onClose={() => setOpen(false)}
        destroyOnHidden
        data-testid="reminder-drawer"
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Segmented<ReminderStatus>
            value={status}
            onChange={(next) => {
              setStatus(next);
              pager.reset();
            }}
            options={STATUS_OPTIONS}
            data-testid="reminder-status"
          />
          {status === 'open' && pending.data && (
            <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'} data-testid="reminder-summary">
              共 {total} 项{overdue > 0 ? `，已逾期 ${overdue} 项` : ''}
            </Typography.Text>
          )}
          <ListTable<Reminder>
            rowKey="id"
            size="small"
            showHeader={false}
            columns={[{ key: 'item', render: (_, r) => <ReminderItem reminder={r} onFollow={() => setOpen(false)} /> }]}
            dataSource={shown.data?.items}
            loading={shown.isFetching}
            locale={{ emptyText: status === 'open' ? '暂无待办提醒' : '暂无已办结的提醒' }}
            pager={pager}
            data-testid="reminder-list"
          />
        </Space>
      </Drawer>
    </>
  );
}
