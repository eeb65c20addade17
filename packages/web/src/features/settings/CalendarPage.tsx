/**
 * 工作日历 (/settings/calendar): the holidays and 调休 working days that working-day deadlines count
 * on. The State Council's years ship with the product; the system administrator adds a later year
 * when its notice is out, or corrects a day.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { today } from '../../shared/dates';
import { FilterBar, FilterItem, YearFilter } from '../../shared/FilterBar';
import { FormModal } from '../../shared/FormModal';
import { ListTable, usePager } from '../../shared/ListTable';
import { useAbilities } from '../auth/auth.api';
import { type CalendarEntry, useCalendarYear, useRemoveCalendarDay, useSetCalendarDay } from './settings.api';

const KIND_LABELS: Record<CalendarEntry['kind'], string> = { holiday: '放假', workday: '调休上班' };

function AddDayModal({ onClose }: { onClose: () => void }) {
  const save = useSetCalendarDay();
  return (
    <FormModal<{ date: Dayjs; kind: CalendarEntry['kind']; name: string }>
      title="设置节假日或调休上班日"
      onClose={onClose}
      initialValues={{ kind: 'holiday' }}
      fields={['date', 'kind', 'name']}
      testId="calendar-day-form"
      submitTestId="calendar-day-save"
      onSubmit={async (v) => {
        await save.mutateAsync({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name });
        onClose();
      }}
    >
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: '100%' }} data-testid="calendar-day-date" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称，如「春节」' }]}>
        <Input maxLength={20} placeholder="如：春节、国庆节调休" />
      </Form.Item>
    </FormModal>
  );
}

export default function CalendarPage() {
  const canManage = useAbilities().has('settings.manage');
  const [year, setYear] = useState(Number(today().slice(0, 4)) + 1);
  const calendar = useCalendarYear(year);
  const remove = useRemoveCalendarDay();
  const [adding, setAdding] = useState(false);
  const pager = usePager();
  const data = calendar.data;

  return (
    <Card
      title="工作日历"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
            添加
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        按工作日计算的办理期限，除周六、周日外，还按国务院办公厅每年发布的节假日安排（放假和调休上班）计算。
      </Typography.Paragraph>
      <FilterBar>
        <FilterItem>
          <YearFilter value={year} onChange={(y) => y && setYear(y)} data-testid="calendar-year" />
        </FilterItem>
      </FilterBar>
      {data && !data.shipped && data.items.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`尚未录入${year}年的节假日安排`}
          description="国务院办公厅通知发布后，请逐日添加放假和调休上班的日期；录入前，该年只按周末计算工作日。"
          data-testid="calendar-missing"
        />
      )}
      <ListTable<CalendarEntry>
        rowKey="date"
        pager={pager}
        loading={calendar.isFetching}
        dataSource={data?.items ?? []}
        data-testid="calendar-days"
        columns={[
          { title: '日期', dataIndex: 'date', width: 140 },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 120,
            render: (k: CalendarEntry['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{KIND_LABELS[k]}</Tag>,
          },
          { title: '名称', dataIndex: 'name', render: (n: string | null) => n ?? '—' },
          {
            title: '来源',
            dataIndex: 'source',
            width: 140,
            render: (s: CalendarEntry['source']) => (s === 'shipped' ? '国务院通知（内置）' : '管理员添加'),
          },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, d: CalendarEntry) =>
                    d.source === 'added' && (
                      <Popconfirm title={`撤销${d.date}的设置？`} onConfirm={() => remove.mutate(d.date)}>
                        <Button type="link" danger size="small">
                          撤销
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddDayModal onClose={() => setAdding(false)} />}
    </Card>
  );
}
