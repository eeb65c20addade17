/**
 * 后台任务 (/settings/jobs): the nightly work, and running a job now — after an outage, or to see
 * today's reminders and compliance figures at once. Each run is audited under the administrator.
 */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { ListTable } from '../../shared/ListTable';
import { type Job, type JobRun, useJobs, useRunJob } from './settings.api';

/** What each count a job reports means (the jobs' own result keys). */
const COUNT_LABELS: Record<string, string> = {
  open: '在办流程',
  raised: '新增提醒',
  resolved: '办结提醒',
  fired: '到期自动办理',
  orgs: '扫描党组织',
  findings: '发现问题',
};

/** A cron schedule as people say it: 「每天 01:30」. */
const scheduleOf = (cron: string) => {
  const [minute, hour, day, month, weekday] = cron.split(' ');
  if (day === '*' && month === '*' && weekday === '*' && /^\d+$/.test(minute ?? '') && /^\d+$/.test(hour ?? ''))
    return `每天 ${hour?.padStart(2, '0')}:${minute?.padStart(2, '0')}`;
  return '按计划';
};

export default function JobsPage() {
  const jobs = useJobs();
  const run = useRunJob();
  const [last, setLast] = useState<JobRun>();
  return (
    <Card title="后台任务">
      {last && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`「${last.summary}」已运行（业务日期 ${last.today}）`}
          description={
            <Descriptions
              size="small"
              column={3}
              items={Object.entries(last.result)
                .filter(([key]) => COUNT_LABELS[key])
                .map(([key, n]) => ({ key, label: COUNT_LABELS[key], children: n.toLocaleString('zh-CN') }))}
            />
          }
          data-testid="job-result"
        />
      )}
      <ListTable<Job>
        rowKey="name"
        loading={jobs.isPending}
        dataSource={jobs.data?.items ?? []}
        data-testid="jobs"
        columns={[
          { title: '任务', dataIndex: 'summary' },
          { title: '运行时间（北京时间）', dataIndex: 'cron', width: 180, render: scheduleOf },
          {
            title: '操作',
            key: 'run',
            width: 120,
            render: (_, j) => (
              <Button
                icon={<PlayCircleOutlined />}
                loading={run.isPending && run.variables === j.name}
                onClick={() => run.mutate(j.name, { onSuccess: setLast })}
                data-testid={`job-run-${j.name}`}
              >
                立即运行
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
