import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Descriptions, type DescriptionsProps, Divider, Drawer, Empty, Image, Result, Space, Spin, Tag, Typography } from 'antd';
import { useIsMobile } from '../../../shared/use-is-mobile';
import type { PartyGroup } from '../committees.api';
import { type Attachment, attachmentUrl, type MeetingDetail, useMeeting } from '../meetings.api';
import { AttachmentUpload } from './AttachmentUpload';
import { formatBytes, MeetingTypeTag } from './meeting-display';

const isImage = (f: Attachment) => f.contentType.startsWith('image/');

/** Photos as thumbnails (tap to enlarge, swipe through them), PDFs as links with their size. */
function Files({ files }: { files: Attachment[] }) {
  if (files.length === 0) return <Typography.Text type="secondary">暂无附件</Typography.Text>;
  const images = files.filter(isImage);
  const documents = files.filter((f) => !isImage(f));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {images.map((f) => (
              <Image
                key={f.id}
                src={attachmentUrl(f.id)}
                alt={f.fileName}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                data-testid="meeting-file-image"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {documents.map((f) => (
        <a key={f.id} href={attachmentUrl(f.id)} target="_blank" rel="noreferrer" data-testid="meeting-file-link">
          <FilePdfOutlined /> {f.fileName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatBytes(f.sizeBytes)}
          </Typography.Text>
        </a>
      ))}
    </Space>
  );
}

/** 到会 as name tags, 缺席 with the reason. */
function People({ m }: { m: MeetingDetail }) {
  const present = m.people.filter((p) => p.present);
  const absent = m.people.filter((p) => !p.present);
  if (m.people.length === 0) return <Typography.Text type="secondary">未登记到会人员</Typography.Text>;
  return (
    <>
      <div>
        <Typography.Text strong>到会（{present.length}人）</Typography.Text>
      </div>
      <Space size={[4, 4]} wrap style={{ marginTop: 4 }} data-testid="meeting-present">
        {present.map((p) => (
          <Tag key={p.memberId}>{p.name}</Tag>
        ))}
      </Space>
      {absent.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>缺席（{absent.length}人）</Typography.Text>
          {absent.map((p) => (
            <div key={p.memberId}>
              {p.name}
              <Typography.Text type="secondary">：{p.absenceReason ?? '未说明原因'}</Typography.Text>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

/**
 * One meeting: what it was, who came and who did not (with the reason), minutes and decisions, and
 * its files. A meeting without a quorum says it does not count. Users who record meetings may add
 * files here too.
 */
export function MeetingDrawer({ meetingId, groups, onClose }: { meetingId: number; groups: readonly PartyGroup[]; onClose: () => void }) {
  const isMobile = useIsMobile();
  const detail = useMeeting(meetingId);
  const m = detail.data;

  let body = <Spin style={{ display: 'block', margin: 48 }} />;
  if (detail.isError) body = <Result status="404" title="会议记录不存在或无权查看" />;
  if (m) {
    const group = m.groupId === null ? undefined : groups.find((g) => g.id === m.groupId);
    const items: DescriptionsProps['items'] = [
      { key: 'type', label: '类型', children: <MeetingTypeTag type={m.type} /> },
      { key: 'status', label: '状态', children: m.status === 'held' ? '已召开' : '计划召开' },
      { key: 'date', label: '日期', children: m.date },
      ...(group ? [{ key: 'group', label: '党小组', children: group.name }] : []),
      { key: 'place', label: '地点', children: m.place ?? '—' },
      { key: 'host', label: '主持人', children: m.host ?? '—' },
      {
        key: 'count',
        label: '实到 / 应到',
        children: m.present === null ? '—' : `${m.present} / ${m.shouldAttend ?? '—'} 人`,
      },
      { key: 'topic', label: '会议主题', children: m.topic ?? '—', span: 'filled' },
    ];
    body = (
      <>
        {m.quorumProblem && (
          <Alert
            type="error"
            showIcon
            title="本次会议不计入组织生活"
            description={m.quorumProblem}
            style={{ marginBottom: 16 }}
            data-testid="meeting-quorum-problem"
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={isMobile ? 1 : 2}
          items={items}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          data-testid="meeting-detail"
        />
        <Divider titlePlacement="start" plain>
          到会情况
        </Divider>
        <People m={m} />
        <Divider titlePlacement="start" plain>
          会议记录
        </Divider>
        {m.minutes ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Typography.Paragraph>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写会议记录" />
        )}
        {m.decisions && (
          <>
            <Typography.Text strong>决定事项</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.decisions}</Typography.Paragraph>
          </>
        )}
        <Divider titlePlacement="start" plain>
          附件（{m.files.length}）
        </Divider>
        <div data-testid="meeting-files">
          <Files files={m.files} />
        </div>
        {m.abilities.canManage && (
          <div style={{ marginTop: 16 }}>
            <AttachmentUpload meetingId={m.id} hideDone />
          </div>
        )}
      </>
    );
  }

  return (
    <Drawer
      open
      title={m ? `${m.date} · ${m.topic ?? '会议记录'}` : '会议记录'}
      size={isMobile ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      data-testid="meeting-drawer"
    >
      {body}
    </Drawer>
  );
}
