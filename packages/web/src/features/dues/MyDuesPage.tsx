/**
 * 我的党费: the signed-in member's own dues (what a herder opens on a phone): the monthly amount
 * and the rule that gives it, the months owed, the year month by month, the payments; and the
 * calculator. An account not linked to a member is told whom to ask.
 */
import { Card, Result, Spin } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api-client';
import { TouchTargets } from '../../shared/ui/TouchTargets';
import { DuesCalculator } from './components/DuesCalculator';
import { thisMonth } from './components/dues-display';
import { MemberDuesView } from './components/MemberDuesView';
import { useMyDues } from './dues.api';

export default function MyDuesPage() {
  const [year, setYear] = useState(() => Number(thisMonth().slice(0, 4)));
  const dues = useMyDues(year);

  if (dues.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (dues.isError) {
    return isApiError(dues.error, 404) ? (
      <div data-testid="my-dues-unlinked">
        <Result status="info" title="暂无党费信息" subTitle={dues.error.message} />
      </div>
    ) : (
      <Result status="error" title="党费情况加载失败" subTitle={dues.error.message} />
    );
  }
  return (
    <TouchTargets>
      <div data-testid="my-dues">
        <Card title={`我的党费 · ${dues.data.member.name}`} style={{ marginBottom: 16 }}>
          <MemberDuesView dues={dues.data} year={year} onYearChange={setYear} />
        </Card>
        <DuesCalculator title="党费计算器（按规定测算）" />
      </div>
    </TouchTargets>
  );
}
