import {
  CameraOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  FileImageOutlined,
  FilePdfOutlined,
  LoadingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '@jishi/domain';
import { Button, Space, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { attachmentUrl, useUploadAttachment } from '../meetings.api';

/** The file kinds the server keeps (it checks the bytes, not the name): a hint for the file dialog. */
const ACCEPT = 'image/*,application/pdf';
const EXTENSIONS = /\.(jpe?g|png|webp|pdf)$/i;

interface Sent {
  uid: string;
  name: string;
  state: 'uploading' | 'done' | 'error';
  /** The stored file once kept; its id serves the thumbnail. */
  id?: number;
  isImage: boolean;
  error?: string;
}

/** Why a chosen file cannot be sent, or undefined. */
const fileProblem = (file: File): string | undefined => {
  const typeKnown = (ATTACHMENT_TYPES as readonly string[]).includes(file.type) || EXTENSIONS.test(file.name);
  if (!typeKnown) return '只能上传 JPG、PNG、WebP 照片或 PDF 文件';
  if (file.size > ATTACHMENT_LIMITS.maxBytes) return `文件超过${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024}MB`;
  return undefined;
};

/**
 * 上传附件: photos of the sign-in sheet or the minutes, or PDFs, kept with a saved meeting. On a
 * phone 拍照 opens the camera directly. Each file is sent on its own; a refusal is shown at the file.
 */
export function AttachmentUpload({
  meetingId,
  hideDone = false,
}: {
  meetingId: number;
  /** Leave kept files out of the list (the caller lists the meeting's files itself). */
  hideDone?: boolean;
}) {
  const isMobile = useIsMobile();
  const upload = useUploadAttachment();
  const [sent, setSent] = useState<Sent[]>([]);
  const update = (uid: string, patch: Partial<Sent>) => setSent((list) => list.map((s) => (s.uid === uid ? { ...s, ...patch } : s)));

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    const uid = (file as File & { uid?: string }).uid ?? `${file.name}:${Date.now()}`;
    const isImage = file.type.startsWith('image/');
    const problem = fileProblem(file);
    if (problem) {
      setSent((list) => [...list, { uid, name: file.name, state: 'error', isImage, error: problem }]);
      return;
    }
    setSent((list) => [...list, { uid, name: file.name, state: 'uploading', isImage }]);
    upload.mutate(
      { meetingId, file },
      {
        onSuccess: (a) => {
          update(uid, { state: 'done', id: a.id, isImage: a.contentType.startsWith('image/') });
          onSuccess?.(a);
        },
        onError: (error) => {
          update(uid, { state: 'error', error: error.message });
          onError?.(error);
        },
      },
    );
  };

  const shown = hideDone ? sent.filter((s) => s.state !== 'done') : sent;
  const common: UploadProps = { customRequest, showUploadList: false, multiple: true };

  return (
    <div data-testid="meeting-upload">
      <Space wrap>
        {isMobile && (
          <span data-testid="meeting-upload-camera">
            <Upload {...common} accept="image/*" capture="environment" multiple={false}>
              <Button type="primary" icon={<CameraOutlined />}>
                拍照
              </Button>
            </Upload>
          </span>
        )}
        <span data-testid="meeting-upload-file">
          <Upload {...common} accept={ACCEPT}>
            <Button icon={<UploadOutlined />}>{isMobile ? '选择照片或PDF' : '上传照片或PDF'}</Button>
          </Upload>
        </span>
      </Space>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          签到表、会议记录的照片或 PDF，每个不超过{ATTACHMENT_LIMITS.maxBytes / 1024 / 1024}MB，每次会议最多{ATTACHMENT_LIMITS.perMeeting}个
        </Typography.Text>
      </div>
      {shown.length > 0 && (
        <div style={{ marginTop: 8 }}>
          {shown.map((s) => (
            <div
              key={s.uid}
              style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 48, borderTop: '1px solid #f0f0f0' }}
              data-testid="meeting-upload-item"
              data-state={s.state}
            >
              {s.state === 'done' && s.id !== undefined && s.isImage ? (
                <img src={attachmentUrl(s.id)} alt={s.name} style={{ width: 40, height: 40, objectFit: 'cover', borderRadius: 4 }} />
              ) : s.isImage ? (
                <FileImageOutlined style={{ fontSize: 24, width: 40 }} />
              ) : (
                <FilePdfOutlined style={{ fontSize: 24, width: 40 }} />
              )}
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                {s.name}
              </Typography.Text>
              {s.state === 'uploading' && <LoadingOutlined />}
              {s.state === 'done' && <CheckCircleFilled style={{ color: '#52c41a' }} />}
              {s.state === 'error' && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  <CloseCircleFilled /> {s.error}
                </Typography.Text>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
