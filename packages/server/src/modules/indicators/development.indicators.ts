import { nextDeadline, ORG_DOMAIN_LABELS, ORG_DOMAINS } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/index.js';
import { countMembers, defineIndicator, rootsArray } from '../../platform/indicators.js';
import { loadOpenApplicantViews } from '../development/development.service.js';

// Members by the domain (领域) of their org.
for (const domain of ORG_DOMAINS) {
  defineIndicator({
    id: `member.domain.${domain}`,
    name: `${ORG_DOMAIN_LABELS[domain]}领域党员数`,
    unit: '名',
    group: 'member_domain',
    description: `所在党组织属于「${ORG_DOMAIN_LABELS[domain]}」领域的在册党员`,
    aggregate: countMembers(() => sql`o.domain = ${domain}`),
  });
}

/**
 * 发展党员 pipeline as of the date, by the last step recorded by then (RULES.md §1a): 入党申请人
 * (steps 1–2), 入党积极分子 (3–6), 发展对象 (7–16). From step 17 the person is a 预备党员 on the roll.
 */
const STAGES: [string, string, number, number][] = [
  ['development.applicants', '入党申请人', 1, 2],
  ['development.activists', '入党积极分子', 3, 6],
  ['development.candidates', '发展对象', 7, 16],
];
for (const [id, name, from, to] of STAGES) {
  defineIndicator({
    id,
    name,
    unit: '名',
    group: 'development',
    description: `统计日已办结的最后一步在第${from}至${to}步之间的人员（第${from}步起为${name}）`,
    compute: async (q, roots, date) => {
      const found = await rows<{ root: string; value: number }>(
        q,
        sql`select r.root::text as root, count(x.id)::int as value
            from unnest(${rootsArray(roots)}) as r(root)
            left join (select a.id, o.path, (select max(w.step) from workflow_step w
                         where w.kind = 'development' and w.subject_id = a.id and w.date <= ${date}::date) as step
                       from applicant a join org o on o.id = a.org_id) x
              on x.path <@ r.root and x.step between ${from} and ${to}
            group by r.root`,
      );
      return new Map(found.map((f) => [f.root, f.value]));
    },
  });
}

defineIndicator({
  id: 'development.overdue',
  name: '发展党员逾期未办步骤',
  unit: '项',
  group: 'development',
  description: '统计日在办的入党申请人中，下一步已过《发展党员工作细则》规定期限的人数（期限见看板）',
  compute: async (q, roots, date) => {
    const out = new Map(roots.map((r) => [r, 0]));
    const views = await loadOpenApplicantViews(
      q,
      sql`(${sql.join(
        roots.map((r) => sql`o.path <@ ${r}::ltree`),
        sql` or `,
      )})`,
      1_000_000,
    );
    for (const v of views) {
      const done = v.done.filter((d) => d.date <= date);
      const next = nextDeadline(done);
      if (next?.kind !== 'due' || next.date >= date) continue;
      for (const r of roots) if (v.applicant.orgPath === r || v.applicant.orgPath.startsWith(`${r}.`)) out.set(r, (out.get(r) ?? 0) + 1);
    }
    return out;
  },
});
