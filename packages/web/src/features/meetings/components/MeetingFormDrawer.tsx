import {
  COMMITTEE_POST_LABELS,
  hasVoteOn,
  MEETING_TYPE_LABELS,
  type MeetingType,
  meetingCreateSchema,
  meetingDateProblem,
  onRollOn,
  quorumProblem,
} from '@jishi/domain';
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, Result, Row, Select, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { DATE_FORMAT, dateStringField, today } from '../../../shared/dates';
import { checkedInput, showRefusal } from '../../../shared/form-errors';
import { labelOf, MEETING_TYPE_OPTIONS } from '../../../shared/labels';
import { ChoiceGrid } from '../../../shared/ui/ChoiceGrid';
import { TouchTargets } from '../../../shared/ui/TouchTargets';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { blankToUndefined } from '../../../shared/zod-rule';
import { useMembers } from '../../members/members.api';
import { committeeOn, useCommittee } from '../committees.api';
import { type Meeting, type MeetingStatus, useCreateMeeting } from '../meetings.api';
import { AttachmentUpload } from './AttachmentUpload';
import { type Attendance, type AttendanceCandidate, AttendanceChecklist, EMPTY_ATTENDANCE } from './AttendanceChecklist';
import type { MeetingPreset } from './ComplianceCard';
import { periodLabel, periodRange } from './meeting-display';

interface MeetingFields {
  type: MeetingType;
  status: MeetingStatus;
  date?: string;
  place?: string;
  host?: string;
  topic?: string;
  minutes?: string;
  decisions?: string;
  groupId?: number;
  attendance: Attendance;
}

/** Every field the schema or the server may name; attendance stands for both of its API fields. */
const FORM_FIELDS = ['type', 'status', 'date', 'place', 'host', 'topic', 'minutes', 'decisions', 'groupId', 'attendance'] as const;
const ALIASES = { attendeeIds: 'attendance', absences: 'attendance' };

const STATUS_OPTIONS: { value: MeetingStatus; label: string }[] = [
  { value: 'held', label: '已召开' },
  { value: 'planned', label: '计划召开' },
];

/** The roll size the server lists in one page; a branch is far smaller (一般不超过50人). */
const ROLL_PAGE = 200;

/** Large, evenly spread choices: two columns on a phone, four on a wider screen. */

/** The quorum line under the checklist: who counts, how many came, and whether the meeting is valid. */
function QuorumLine({ type, shouldAttend, present }: { type: 'general_assembly' | 'committee'; shouldAttend: number; present: number }) {
  const problem = quorumProblem(type, { shouldAttend, present });
  const who = type === 'general_assembly' ? '有表决权的正式党员' : '在任支委';
  return (
    <Alert
      type={problem ? 'warning' : 'success'}
      showIcon
      title={`${who}应到 ${shouldAttend} 人，已勾选 ${present} 人${problem ? '' : '，达到半数'}`}
      description={problem ?? undefined}
      data-testid="meeting-quorum"
      data-ok={problem ? 'false' : 'true'}
    />
  );
}

/**
 * 登记会议: type, held or planned, date, place, host, topic, who came (from the branch's roll on
 * the day; a 支委会 lists the committee in office then), minutes and decisions. Checked with the
 * domain schema first; a field the server refuses is marked there. Once saved, photos and PDFs are
 * added, and a meeting without a quorum is said not to count. Full screen on a phone.
 */
export function MeetingFormDrawer({
  org,
  preset,
  onClose,
}: {
  org: { id: number; name: string };
  /** A missing meeting picked from the compliance card: its type (and 党小组), the date picker on its period. */
  preset?: MeetingPreset;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MeetingFields>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const create = useCreateMeeting();
  const roll = useMembers({ orgId: org.id, page: 1, pageSize: ROLL_PAGE });
  const committee = useCommittee(org.id);
  const [saved, setSaved] = useState<Meeting>();
  const type: MeetingType = Form.useWatch('type', form) ?? preset?.type ?? 'theme_day';
  const status: MeetingStatus = Form.useWatch('status', form) ?? 'held';
  const date: string | undefined = Form.useWatch('date', form);
  const attendance: Attendance = Form.useWatch('attendance', form) ?? EMPTY_ATTENDANCE;
  const range = preset?.period ? periodRange(preset.period) : undefined;
  const groups = committee.data?.groups ?? [];
  const day = date ?? today();

  // On the roll on the day: the server refuses anyone else. Members of the branch itself, not of orgs below.
  const onRoll = useMemo(() => (roll.data?.items ?? []).filter((m) => m.orgId === org.id && onRollOn(m, day)), [roll.data, org.id, day]);
  // A 支委会 counts the committee in office on the day (once one is recorded), as the server does.
  const seats = useMemo(() => {
    const c = type === 'committee' ? committeeOn(committee.data, day) : undefined;
    return c?.kind === 'committee' ? c.members : undefined;
  }, [type, committee.data, day]);

  const candidates: AttendanceCandidate[] = useMemo(() => {
    if (seats) {
      const listed = new Set(onRoll.map((m) => m.id));
      return seats
        .filter((s) => listed.has(s.memberId))
        .map((s) => ({ id: s.memberId, name: s.name, badges: <Tag color="red">{labelOf(COMMITTEE_POST_LABELS, s.post)}</Tag> }));
    }
    const named = new Map<string, number>();
    for (const m of onRoll) named.set(m.name, (named.get(m.name) ?? 0) + 1);
    return onRoll.map((m) => ({
      id: m.id,
      name: m.name,
      // Names repeat in a branch: the masked ID's last digits tell them apart.
      hint: (named.get(m.name) ?? 0) > 1 ? `尾号${m.idNumber.slice(-4)}` : undefined,
      badges: hasVoteOn(m, day) ? undefined : <Tag color="orange">预备党员</Tag>,
    }));
  }, [seats, onRoll, day]);

  const isRollCapped = (roll.data?.total ?? 0) > ROLL_PAGE;
  const present = new Set(attendance.present);
  let quorum: ReactNode;
  if (status === 'held' && type === 'general_assembly') {
    const voters = onRoll.filter((m) => hasVoteOn(m, day));
    quorum = <QuorumLine type="general_assembly" shouldAttend={voters.length} present={voters.filter((m) => present.has(m.id)).length} />;
  } else if (status === 'held' && seats) {
    // The server counts every seat, also one whose holder has since left the roll.
    quorum = <QuorumLine type="committee" shouldAttend={seats.length} present={candidates.filter((c) => present.has(c.id)).length} />;
  }

  const submit = (values: MeetingFields) => {
    const held = values.status === 'held';
    const ticked = new Set(values.attendance?.present ?? []);
    const attendeeIds = held ? candidates.filter((c) => ticked.has(c.id)).map((c) => c.id) : [];
    // An absence is recorded when its reason is given; the reason is what the record is for.
    const absences = held
      ? candidates
          .filter((c) => !ticked.has(c.id) && values.attendance?.reasons[c.id]?.trim())
          .map((c) => ({ memberId: c.id, reason: (values.attendance.reasons[c.id] ?? '').trim() }))
      : [];
    const parsed = checkedInput(
      form,
      meetingCreateSchema,
      {
        orgId: org.id,
        type: values.type,
        status: values.status,
        date: values.date,
        place: blankToUndefined(values.place),
        host: blankToUndefined(values.host),
        topic: blankToUndefined(values.topic),
        minutes: blankToUndefined(values.minutes),
        decisions: blankToUndefined(values.decisions),
        groupId: values.type === 'group' ? values.groupId : undefined,
        attendeeIds: attendeeIds.length > 0 ? attendeeIds : undefined,
        absences: absences.length > 0 ? absences : undefined,
      },
      FORM_FIELDS,
      message.error,
      ALIASES,
    );
    if (parsed === undefined) return;
    create.mutate(parsed, {
      onSuccess: (meeting) => {
        message.success(`已登记${meeting.date}的${labelOf(MEETING_TYPE_LABELS, meeting.type)}`);
        setSaved(meeting);
      },
      onError: (error) => {
        showRefusal(form, error, FORM_FIELDS, message.error, ALIASES);
      },
    });
  };

  const isOutOfRange = (d: Dayjs) => meetingDateProblem(status, d.format(DATE_FORMAT), today()) !== null;

  const footer = saved ? (
    <Button type="primary" block onClick={onClose} data-testid="meeting-done">
      完成
    </Button>
  ) : (
    <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
      <Button onClick={onClose} style={isMobile ? { flex: 1 } : undefined}>
        取消
      </Button>
      <Button
        type="primary"
        loading={create.isPending}
        onClick={() => form.submit()}
        style={isMobile ? { flex: 2 } : undefined}
        data-testid="meeting-submit"
      >
        保存
      </Button>
    </div>
  );

  const savedView = saved && (
    <div data-testid="meeting-saved" data-meeting-id={saved.id}>
      <Result
        status={saved.quorumProblem ? 'warning' : 'success'}
        title={`已登记${labelOf(MEETING_TYPE_LABELS, saved.type)}`}
        subTitle={`${org.name} · ${saved.date}${saved.present !== null ? ` · 实到 ${saved.present}${saved.shouldAttend !== null ? ` / 应到 ${saved.shouldAttend}` : ''} 人` : ''}`}
        style={{ padding: '16px 0' }}
      />
      {saved.quorumProblem && (
        <Alert
          type="error"
          showIcon
          title="本次会议不计入组织生活"
          description={saved.quorumProblem}
          style={{ marginBottom: 16 }}
          data-testid="meeting-quorum-problem"
        />
      )}
      <Divider titlePlacement="start" plain>
        上传签到表、会议记录（可选）
      </Divider>
      <AttachmentUpload meetingId={saved.id} />
    </div>
  );

  return (
    <TouchTargets>
      <Drawer
        open
        title={saved ? '上传附件' : `登记会议 · ${org.name}`}
        size={isMobile ? '100%' : 720}
        onClose={onClose}
        footer={footer}
        destroyOnHidden
        data-testid="meeting-form-drawer"
      >
        {savedView ?? (
          <Form<MeetingFields>
            form={form}
            layout="vertical"
            autoComplete="off"
            initialValues={{
              type: preset?.type ?? 'theme_day',
              status: 'held',
              date: range ? undefined : today(),
              groupId: preset?.groupId,
              attendance: EMPTY_ATTENDANCE,
            }}
            onFinish={submit}
            data-testid="meeting-form"
          >
            <Form.Item label="会议类型" name="type" rules={[{ required: true, message: '请选择会议类型' }]}>
              <ChoiceGrid options={MEETING_TYPE_OPTIONS} columns={isMobile ? 2 : 4} data-testid="meeting-type" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]}>
                  <ChoiceGrid options={STATUS_OPTIONS} columns={2} data-testid="meeting-status" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={status === 'held' ? '召开日期' : '计划日期'}
                  name="date"
                  dependencies={['status']}
                  rules={[{ required: true, message: '请选择日期' }]}
                  extra={range && preset?.period ? `补登${periodLabel(preset.period)}的会议：请选择实际召开的日期` : undefined}
                  {...dateStringField}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={isOutOfRange}
                    defaultPickerValue={range ? dayjs(range.start) : undefined}
                    data-testid="meeting-date"
                  />
                </Form.Item>
              </Col>
            </Row>
            {type === 'group' && (
              <Form.Item label="党小组" name="groupId" rules={[{ required: true, message: '请选择党小组' }]}>
                {groups.length === 0 && !committee.isPending ? (
                  <Alert type="warning" showIcon title="尚未设立党小组：请先在「组织管理 → 班子与换届」中设立" />
                ) : (
                  <Select
                    options={groups.map((g) => ({ value: g.id, label: g.leaderName ? `${g.name}（组长 ${g.leaderName}）` : g.name }))}
                    placeholder="请选择党小组"
                    data-testid="meeting-group"
                  />
                )}
              </Form.Item>
            )}
            <Form.Item label="会议主题" name="topic" rules={[{ max: 200, message: '不能超过200个字' }]}>
              <Input maxLength={200} placeholder="如：学习贯彻党的二十届四中全会精神" data-testid="meeting-topic" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item label="地点" name="place">
                  <Input maxLength={100} placeholder="如：村党群服务中心" data-testid="meeting-place" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label="主持人" name="host">
                  <Input maxLength={40} data-testid="meeting-host" />
                </Form.Item>
              </Col>
            </Row>
            {status === 'held' && (
              <Form.Item
                label={seats ? '到会支委' : '到会人员'}
                name="attendance"
                extra={seats ? '支委会按会议当日在任的支部委员计算到会人数' : '未勾选的党员可填写缺席原因'}
              >
                {roll.isPending ? (
                  <Spin />
                ) : (
                  <AttendanceChecklist
                    candidates={candidates}
                    summary={
                      quorum || isRollCapped ? (
                        <>
                          {quorum}
                          {isRollCapped && (
                            <Typography.Text type="warning">
                              名册超过{ROLL_PAGE}人，只列出前{ROLL_PAGE}人
                            </Typography.Text>
                          )}
                        </>
                      ) : undefined
                    }
                  />
                )}
              </Form.Item>
            )}
            <Form.Item label="会议记录" name="minutes">
              <Input.TextArea
                maxLength={20_000}
                autoSize={{ minRows: 3, maxRows: 10 }}
                placeholder="议程、发言要点"
                data-testid="meeting-minutes"
              />
            </Form.Item>
            <Form.Item label="决定事项" name="decisions">
              <Input.TextArea maxLength={5_000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="meeting-decisions" />
            </Form.Item>
            {status === 'planned' && (
              <Typography.Text type="secondary">计划召开的会议不计入完成情况；召开后请另行登记为已召开并勾选到会人员。</Typography.Text>
            )}
          </Form>
        )}
      </Drawer>
    </TouchTargets>
  );
}
