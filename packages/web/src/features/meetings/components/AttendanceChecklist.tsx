import { Button, Checkbox, Empty, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Who came, and why some did not: the value of the checklist in the form. */
export interface Attendance {
  present: number[];
  /** Optional reasons of the members not ticked, by member id. */
  reasons: Record<number, string>;
}

/** One person who should attend, with what the row shows beside the name (post, 预备党员). */
export interface AttendanceCandidate {
  id: number;
  name: string;
  /** Tells apart people of the same name. */
  hint?: string;
  badges?: ReactNode;
}

export const EMPTY_ATTENDANCE: Attendance = { present: [], reasons: {} };

/**
 * 到会人员: a checklist of the people expected, each row a large touch target; once someone is
 * ticked, each member not ticked may get an absence reason (请假、外出务工…). 全选 ticks everyone. A form control: `value` and
 * `onChange` come from the Form.Item.
 */
export function AttendanceChecklist({
  candidates,
  value = EMPTY_ATTENDANCE,
  onChange,
  summary,
}: {
  candidates: readonly AttendanceCandidate[];
  value?: Attendance;
  onChange?: (next: Attendance) => void;
  /** Shown under the counts (the quorum rule and whether it is met). */
  summary?: ReactNode;
}) {
  const present = new Set(value.present);
  const count = candidates.filter((c) => present.has(c.id)).length;
  const setPresent = (ids: Iterable<number>) => onChange?.({ ...value, present: [...new Set(ids)] });
  const toggle = (id: number, checked: boolean) => setPresent(checked ? [...present, id] : [...present].filter((p) => p !== id));

  if (candidates.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="名册中没有会议当日在册的党员" />;

  return (
    <div data-testid="attendance">
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text data-testid="attendance-count">
          已勾选到会 <Typography.Text strong>{count}</Typography.Text> / {candidates.length} 人
        </Typography.Text>
        <Space>
          <Button onClick={() => setPresent([...present, ...candidates.map((c) => c.id)])} data-testid="attendance-all">
            全选
          </Button>
          <Button onClick={() => setPresent([...present].filter((id) => !candidates.some((c) => c.id === id)))}>全不选</Button>
        </Space>
      </div>
      {summary && <div style={{ marginTop: 8 }}>{summary}</div>}
      <div style={{ marginTop: 8, border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {candidates.map((c, i) => {
          const checked = present.has(c.id);
          return (
            <div
              key={c.id}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                columnGap: 12,
                padding: '2px 12px',
                paddingBottom: !checked && count > 0 ? 6 : 2,
                borderTop: i === 0 ? undefined : '1px solid #f0f0f0',
              }}
              data-testid="attendee-row"
              data-member-id={c.id}
            >
              <Checkbox
                checked={checked}
                onChange={(e) => toggle(c.id, e.target.checked)}
                style={{ display: 'flex', alignItems: 'center', minHeight: 44, flex: '1 1 200px' }}
              >
                <Space size={6} wrap>
                  <span>{c.name}</span>
                  {c.hint && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.hint}
                    </Typography.Text>
                  )}
                  {c.badges}
                </Space>
              </Checkbox>
              {!checked && count > 0 && (
                <Input
                  placeholder="缺席原因（选填，如请假、外出务工）"
                  maxLength={100}
                  value={value.reasons[c.id] ?? ''}
                  onChange={(e) => onChange?.({ ...value, reasons: { ...value.reasons, [c.id]: e.target.value } })}
                  aria-label={`${c.name}的缺席原因`}
                  style={{ flex: '1 1 240px' }}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
