/**
 * One applicant (/development/:id): who they are, all 25 steps by stage with what was recorded,
 * and 办理下一步 for the next step only. Once 上级党委审批 (17) made them a 预备党员, their member
 * record opens in the member drawer.
 */
import { ArrowLeftOutlined, IdcardOutlined } from '@ant-design/icons';
import { GENDER_LABELS, stepDef } from '@jishi/domain';
import { Alert, Button, Card, Col, Descriptions, type DescriptionsProps, Result, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client';
import { labelOf } from '../../shared/labels';
import { PageSpin } from '../../shared/ui/PageSpin';
import { positiveInt } from '../../shared/url-params';
import { useIsMobile } from '../../shared/use-is-mobile';
import { MemberDrawer } from '../members/components/MemberDrawer';
import { DeadlineTag } from './components/DeadlineTag';
import { NextStepForm } from './components/NextStepForm';
import { StepsView } from './components/StepsView';
import { nextStepOf, useApplicant, useRecordStep } from './development.api';

export default function ApplicantPage() {
  const params = useParams();
  const id = positiveInt(params.id);
  const isMobile = useIsMobile();
  const applicant = useApplicant(id);
  const record = useRecordStep();
  const [memberOpen, setMemberOpen] = useState(false);
  /** Warnings the last recorded step came back with, until the next one is recorded. */
  const [lastWarnings, setLastWarnings] = useState<{ step: number; warnings: string[] }>();

  const back = (
    <Link to="/development">
      <ArrowLeftOutlined /> 返回发展党员
    </Link>
  );
  if (id === undefined) return <Result status="404" title="入党申请人不存在" extra={back} />;
  if (applicant.isPending) return <PageSpin />;
  if (applicant.isError || !applicant.data) {
    const missing = isApiError(applicant.error, 404) || isApiError(applicant.error, 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '入党申请人不存在或无权查看' : '加载失败'}
        subTitle={missing ? undefined : applicant.error?.message}
        extra={back}
      />
    );
  }

  const a = applicant.data;
  const next = nextStepOf(a);
  const nextDef = next === undefined ? undefined : stepDef(next);
  const deadline = a.deadlines.find((d) => d.step === next);
  const items: DescriptionsProps['items'] = [
    { key: 'gender', label: '性别', children: labelOf(GENDER_LABELS, a.gender) },
    { key: 'ethnicity', label: '民族', children: a.ethnicity },
    { key: 'birth', label: '出生日期', children: a.birthDate },
    { key: 'idNumber', label: '公民身份号码', children: <span style={{ fontFamily: 'monospace' }}>{a.idNumber}</span> },
    { key: 'phone', label: '手机号码', children: a.phone ?? '—' },
    { key: 'org', label: '所在支部', children: <Link to={`/orgs/${a.orgId}`}>{a.orgName}</Link> },
    { key: 'stage', label: '所处阶段', children: <Tag color="processing">{a.stageName}</Tag> },
    {
      key: 'next',
      label: '下一步',
      children: nextDef ? (
        <Space size={6} wrap>
          <span>
            第{next}步 {nextDef.name}
          </span>
          {deadline && (
            <>
              <span>{deadline.date}</span>
              <DeadlineTag kind={deadline.kind} overdue={deadline.overdue} />
            </>
          )}
        </Space>
      ) : (
        '已完成全部步骤'
      ),
    },
  ];

  let nextPanel = <Result status="success" title="发展程序已完成" subTitle="第25步「材料归档」已办理" />;
  if (next !== undefined && !a.abilities.canRecordNext) {
    const who = a.abilities.whyNot ?? '当前账号无办理权限';
    nextPanel = <Alert type="info" showIcon title={`下一步：第${next}步「${nextDef?.name ?? ''}」`} description={who} />;
  } else if (next !== undefined) {
    nextPanel = (
      <NextStepForm
        key={`${a.steps.length}-${next}`}
        applicant={a}
        step={next}
        record={record}
        onRecorded={(warnings) => setLastWarnings({ step: next, warnings })}
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8} wrap>
            <span>入党申请人 · {a.name}</span>
          </Space>
        }
        extra={isMobile ? undefined : back}
      >
        {isMobile && <div style={{ marginBottom: 12 }}>{back}</div>}
        <Descriptions bordered size="small" column={isMobile ? 1 : 2} items={items} data-testid="dev-applicant" />
        {a.memberId !== null && (
          <Button icon={<IdcardOutlined />} style={{ marginTop: 12 }} onClick={() => setMemberOpen(true)} data-testid="dev-member-link">
            查看党员档案
          </Button>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <Card title="办理下一步" size={isMobile ? 'small' : undefined}>
            {lastWarnings && lastWarnings.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                closable={{ onClose: () => setLastWarnings(undefined) }}
                style={{ marginBottom: 16 }}
                title={`第${lastWarnings.step}步已办理，但有以下提醒（已记入该步骤）`}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {lastWarnings.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
                data-testid="dev-warnings"
              />
            )}
            {nextPanel}
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Card title="办理进度" size={isMobile ? 'small' : undefined}>
            <StepsView applicant={a} next={next} />
          </Card>
        </Col>
      </Row>
      {memberOpen && a.memberId !== null && <MemberDrawer memberId={a.memberId} onClose={() => setMemberOpen(false)} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据《中国共产党发展党员工作细则》（2014）五个阶段二十五个步骤办理；时间要求由系统按细则校验。
      </Typography.Text>
    </Space>
  );
}
