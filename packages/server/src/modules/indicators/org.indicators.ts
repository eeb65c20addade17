import { ORG_DOMAIN_LABELS, ORG_DOMAINS, ORG_TYPE_LABELS, ORG_TYPES } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { countOrgs, defineIndicator } from '../../platform/indicators.js';

/** Organization counts: the first figures of DOMAIN.md §1 and §8. */
defineIndicator({
  id: 'org.total',
  name: '党组织总数',
  unit: '个',
  description: '本级及下级全部党组织（含本级），按统计日在存续期内计',
  aggregate: countOrgs(sql`true`),
});

for (const type of ORG_TYPES) {
  defineIndicator({
    id: `org.type.${type}`,
    name: `${ORG_TYPE_LABELS[type]}数`,
    unit: '个',
    group: 'org_type',
    description: `类型为「${ORG_TYPE_LABELS[type]}」的党组织`,
    aggregate: countOrgs(sql`o.type = ${type}`),
  });
}

for (const domain of ORG_DOMAINS.filter((d) => d !== 'mixed')) {
  defineIndicator({
    id: `org.domain.${domain}`,
    name: `${ORG_DOMAIN_LABELS[domain]}领域党组织数`,
    unit: '个',
    group: 'org_domain',
    description: `领域为「${ORG_DOMAIN_LABELS[domain]}」的党组织（含其下设的党总支、党支部）`,
    aggregate: countOrgs(sql`o.domain = ${domain}`),
  });
}

// A village's own Party organization, not the branches under it: its parent is not a village org.
const topOfDomain = (domain: string) =>
  sql`o.domain = ${domain} and not exists (select 1 from org p where p.id = o.parent_id and p.domain = ${domain})`;

defineIndicator({
  id: 'org.village_level',
  name: '嘎查村党组织数',
  unit: '个',
  description: '嘎查村一级的党组织（村党委、党总支或党支部本身，不含其下设支部）',
  aggregate: countOrgs(topOfDomain('village')),
});

defineIndicator({
  id: 'org.community_level',
  name: '社区党组织数',
  unit: '个',
  description: '社区一级的党组织（不含其下设支部）',
  aggregate: countOrgs(topOfDomain('community')),
});
