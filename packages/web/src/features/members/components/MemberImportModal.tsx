import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, type TableColumnsType, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { ModalFrame } from '../../../shared/FormModal';
import { saveFile } from '../../../shared/save-file';
import {
  type ImportRefusal,
  type ImportRowError,
  importRefusalOf,
  memberImportTemplateUrl,
  useAnnotateImport,
  useImportMembers,
} from '../members.api';

/** Largest file the server accepts. */
const MAX_BYTES = 10 * 1024 * 1024;

const errorColumns: TableColumnsType<ImportRowError & { key: number }> = [
  { title: '行', dataIndex: 'row', width: 64, align: 'right' },
  { title: '列', dataIndex: 'column', width: 130 },
  { title: '错误说明', dataIndex: 'message' },
];

/** What the last upload came to. */
type Outcome = { kind: 'created'; created: number } | ({ kind: 'refused' } & ImportRefusal);

/**
 * 导入党员: download the template, upload a filled .xlsx (sent as soon as it is chosen). The server
 * checks every row and imports all of them or none; a refused sheet's errors are listed by row and
 * column, and the same file can be downloaded back with an 错误说明 column.
 */
export function MemberImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const importMembers = useImportMembers();
  const annotate = useAnnotateImport();
  const [file, setFile] = useState<File>();
  const [outcome, setOutcome] = useState<Outcome>();

  const beforeUpload: UploadProps['beforeUpload'] = (chosen) => {
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      message.error('请选择 .xlsx 格式的Excel文件（可先下载导入模板）');
      return Upload.LIST_IGNORE;
    }
    if (chosen.size > MAX_BYTES) {
      message.error('文件超过10MB，请拆分后分批导入');
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file: chosen, onSuccess, onError }) => {
    if (!(chosen instanceof File)) return;
    setFile(chosen);
    setOutcome(undefined);
    importMembers.mutate(chosen, {
      onSuccess: (result) => {
        setOutcome({ kind: 'created', created: result.created });
        message.success(`已导入 ${result.created} 名党员`);
        onSuccess?.(result);
      },
      onError: (error) => {
        setOutcome({ kind: 'refused', ...importRefusalOf(error) });
        onError?.(error);
      },
    });
  };

  const downloadAnnotated = () => {
    if (file) annotate.mutate(file, { onSuccess: saveFile });
  };

  return (
    <ModalFrame title="导入党员" width={720} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          请先
          <Typography.Link href={memberImportTemplateUrl()} download data-testid="import-template">
            <DownloadOutlined /> 下载导入模板
          </Typography.Link>
          ，按「填写说明」填写后上传。系统先校验全部行：任何一行有误则一行也不导入，并列出每个错误所在的行和列。
        </Typography.Paragraph>
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            multiple={false}
            beforeUpload={beforeUpload}
            customRequest={customRequest}
            disabled={importMembers.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将 .xlsx 文件拖到此处上传</p>
            <p className="ant-upload-hint">仅支持 .xlsx 格式，单个文件不超过10MB，一次最多50000行</p>
          </Upload.Dragger>
        </div>
        {outcome && (
          <div data-testid="import-result">
            {outcome.kind === 'created' ? (
              <Alert type="success" showIcon title={`已导入 ${outcome.created} 名党员`} />
            ) : (
              <Alert
                type="error"
                showIcon
                title={outcome.message}
                description={
                  outcome.errorCount > outcome.errors.length
                    ? `共${outcome.errorCount}处错误，下表列出前${outcome.errors.length}处。`
                    : undefined
                }
                action={
                  outcome.errors.length > 0 && (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      loading={annotate.isPending}
                      onClick={downloadAnnotated}
                      data-testid="import-annotate"
                    >
                      下载标注错误的表格
                    </Button>
                  )
                }
              />
            )}
          </div>
        )}
        {outcome?.kind === 'refused' && outcome.errors.length > 0 && (
          <Table<ImportRowError & { key: number }>
            size="small"
            columns={errorColumns}
            dataSource={outcome.errors.map((e, key) => ({ ...e, key }))}
            pagination={outcome.errors.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
            data-testid="import-errors"
          />
        )}
      </Space>
    </ModalFrame>
  );
}
