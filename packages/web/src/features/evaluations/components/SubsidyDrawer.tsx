import { DownloadOutlined, FlagFilled } from '@ant-design/icons';
import { Button, Col, Drawer, Row, Space, Statistic, type TableColumnsType, Tag, Typography } from 'antd';
import { ListTable, usePager } from '../../../shared/ListTable';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { type SubsidyList, subsidyExportUrl, useSubsidy } from '../evaluations.api';

type SubsidyItem = SubsidyList['items'][number];

/**
 * 红旗工作补贴资金清单 of a 「五面红旗」 round: the published orgs with the flags named and the money,
 * for the finance office; exported to Excel (the server audits the export).
 */
export function SubsidyDrawer({ roundId, roundName, onClose }: { roundId: number; roundName: string; onClose: () => void }) {
  const isMobile = useIsMobile();
  const pager = usePager({ pageSize: 50 });
  const subsidy = useSubsidy(roundId, true);
  const s = subsidy.data;
  const flags = (i: SubsidyItem) => (
    <Space size={[4, 4]} wrap>
      {i.flagNames.map((f) => (
        <Tag key={f} color="red" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
          {f}
        </Tag>
      ))}
    </Space>
  );
  const columns: TableColumnsType<SubsidyItem> = isMobile
    ? [
        {
          title: '党组织',
          key: 'org',
          render: (_, i) => (
            <Space orientation="vertical" size={4}>
              <span>{i.orgName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.township ?? '—'} · {i.finalAt}
              </Typography.Text>
              {flags(i)}
            </Space>
          ),
        },
        { title: '金额（元）', dataIndex: 'amount', width: 100, align: 'right' },
      ]
    : [
        { title: '苏木乡镇(街道)', dataIndex: 'township', width: 150, render: (v: string | null) => v ?? '—' },
        { title: '党组织', dataIndex: 'orgName', ellipsis: true },
        { title: '命名红旗', key: 'flags', render: (_, i) => flags(i) },
        { title: '面数', key: 'count', width: 64, align: 'right', render: (_, i) => i.flags.length },
        { title: '补贴金额（元）', dataIndex: 'amount', width: 130, align: 'right' },
        { title: '命名日期', dataIndex: 'finalAt', width: 110 },
      ];

  return (
    <Drawer open title={`补贴资金清单 · ${roundName}`} size={isMobile ? '100%' : 960} onClose={onClose} data-testid="subsidy-drawer">
      <Row gutter={[16, 12]} style={{ marginBottom: 16 }} align="middle">
        <Col xs={8} md={5}>
          <Statistic title="每面补贴（元）" value={s?.perFlag ?? '—'} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic title="命名红旗（面）" value={s?.flags ?? '—'} />
        </Col>
        <Col xs={8} md={6}>
          <Statistic title="合计（元）" value={s?.total ?? '—'} data-testid="subsidy-total" />
        </Col>
        <Col xs={24} md={8} style={{ textAlign: isMobile ? 'left' : 'right' }}>
          <Button icon={<DownloadOutlined />} href={subsidyExportUrl(roundId)} block={isMobile} data-testid="subsidy-export">
            导出Excel
          </Button>
        </Col>
      </Row>
      <ListTable<SubsidyItem>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={s?.items}
        loading={subsidy.isFetching}
        locale={{ emptyText: '暂无已命名的红旗（结果发布后列入清单）' }}
        pager={pager}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        清单只列结果已发布（命名）的党组织，按命名的红旗面数计算补贴。
      </Typography.Paragraph>
    </Drawer>
  );
}
