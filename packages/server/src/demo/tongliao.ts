import { BRANCH_TYPES, type OrgDomain, type OrgType, type Role } from '@jishi/domain';
import { sql } from 'drizzle-orm';
import { tongliaoDivisions } from '../modules/divisions/divisions.js';
import { insertOrgs, nextOrgIds, type OrgInsert } from '../modules/orgs/org.repo.js';
import { recordAudit } from '../platform/audit.js';
import { businessDate } from '../platform/dates.js';
import { bulkLoad } from '../platform/db/bulk.js';
import { type Q, rows } from '../platform/db/index.js';
import type { Deps } from '../platform/http.js';
import { hashPassword } from '../platform/password.js';
import { pinyinKey } from '../platform/pinyin.js';
import { Preparation, type StageSpec } from '../platform/preparation.js';
import { generateApplicants } from './applicants.js';
import { generateBranchLife } from './branch-life.js';
import { generateEvaluations } from './evaluations.js';
import { actingOrgsByBranch, generateCommendations, generateMedal50 } from './honors.js';
import { generateMembers } from './members.js';
import { createRandom, type Random } from './random.js';
import { generateTransfers } from './transfers.js';

/** The demo's stages, with their share of a first start's time (tenths of a second at city scale). */
export const DEMO_STAGES: Record<string, StageSpec> = {
  orgs: { label: '党组织', weight: 9 },
  members: { label: '党员', weight: 69 },
  applicants: { label: '入党申请人', weight: 28 },
  transfers: { label: '组织关系转接', weight: 11 },
  honors: { label: '表彰与纪念章', weight: 17 },
  branchLife: { label: '组织生活与党费', weight: 96 },
  evaluations: { label: '评星定级', weight: 79 },
  accounts: { label: '演示账号', weight: 2 },
  /** A first start's worker runs every job once after the load (setup/first-start.worker.ts). */
  jobs: { label: '提醒与合规扫描', weight: 50 },
};

/** The password of every demo account below the bootstrap ones; printed at start. */
export const DEMO_PASSWORD = 'Tongliao@2021';
/** A Party member's own account in the demo (linked to a member, role 党员). */
export const DEMO_MEMBER_ACCOUNT = 'dangyuan';

interface Node {
  name: string;
  code: string;
  type: OrgType;
  domain: OrgDomain;
  divisionCode?: string;
  foundedAt?: string;
  unit?: string;
  closedAt?: string;
  closeReason?: string;
  children: Node[];
  /** Demo accounts to create at this org. */
  accounts?: { username: string; displayName: string; role: Role }[];
}

const node = (n: Omit<Node, 'children'> & { children?: Node[] }): Node => ({ children: [], ...n });

const villageKind = (name: string): 'village' | 'community' | 'other' =>
  /社区|居委会|居民委员会/.test(name) ? 'community' : /嘎查|村委会|村民委员会|村$/.test(name) ? 'village' : 'other';

/** "xx村委会" → "xx村", "xx社区居委会" → "xx社区". */
const placeName = (name: string) =>
  name
    .replace(/(村民委员会|村委会)$/, '村')
    .replace(/(社区)?(居民委员会|居委会)$/, '社区')
    .replace(/村村$/, '村');

const pad = (n: number, width = 3) => String(n).padStart(width, '0');

/** Branch suffixes a village's 总支 or 党委 divides its members into. */
const VILLAGE_SUBBRANCHES = ['第一党支部', '第二党支部', '第三党支部', '第四党支部', '第五党支部', '老党员党支部', '流动党员党支部'];
const COMMUNITY_SUBBRANCHES = [
  '第一网格党支部',
  '第二网格党支部',
  '第三网格党支部',
  '第四网格党支部',
  '离退休党员党支部',
  '在职党员党支部',
];
const ORGANS = [
  '党政办公室',
  '党建办公室',
  '财政所',
  '司法所',
  '农牧业服务中心',
  '综合保障和技术推广中心',
  '社会事务办公室',
  '退役军人服务站',
];
const PRIVATE_ENTERPRISE_KINDS = [
  '农牧业科技有限公司',
  '商贸有限公司',
  '建筑工程有限公司',
  '物流有限公司',
  '食品有限公司',
  '新能源有限公司',
  '电子商务有限公司',
  '牧业专业合作社',
];
const SOCIAL_ORG_KINDS = ['商会', '律师事务所', '社会工作服务中心', '志愿者协会', '行业协会', '养老服务中心'];
const COUNTY_ORGANS = [
  '纪委监委机关',
  '组织部',
  '宣传部',
  '统战部',
  '政法委',
  '政府办公室',
  '发展和改革委员会',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农牧局',
  '商务局',
  '文化旅游体育局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '林业和草原局',
  '医疗保障局',
  '信访局',
  '乡村振兴局',
];
const CITY_ORGANS = [
  ...COUNTY_ORGANS,
  '国有资产监督管理委员会',
  '工业和信息化局',
  '科学技术局',
  '民族事务委员会',
  '档案馆',
  '党校',
  '机关事务服务中心',
  '融媒体中心',
  '人民法院',
  '人民检察院',
];
const SOE_NAMES = [
  '通辽市城市投资集团有限公司',
  '通辽市交通投资集团有限公司',
  '通辽市水务集团有限公司',
  '通辽市热力有限责任公司',
  '通辽市公共交通有限公司',
  '通辽市农牧业发展集团有限公司',
  '通辽市文化旅游投资集团有限公司',
  '通辽市国有资本投资运营有限公司',
  '通辽市供销集团有限公司',
  '通辽市粮食储备有限公司',
  '通辽市金融控股集团有限公司',
  '通辽市住房保障投资有限公司',
];

/** School and hospital naming in a county seat or a town. */
const townSchools = (town: string, r: Random) => (r.chance(0.5) ? [`${town}中心校`] : [`${town}中心校`, `${town}中学`]);

interface Counter {
  schools: number;
}

/** A village-level Party organization and the branches beneath it (DOMAIN.md §1). */
const villageOrg = (r: Random, v: { code: string; name: string }): Node => {
  const place = placeName(v.name);
  const foundedAt = r.date(1950, 2005);
  const roll = r.next();
  if (roll < 0.635)
    return node({ name: `${place}党支部`, code: v.code, type: 'branch', domain: 'village', divisionCode: v.code, foundedAt });
  const isCommittee = roll > 0.93;
  const subs = r.int(isCommittee ? 3 : 2, isCommittee ? 6 : 4);
  return node({
    name: `${place}${isCommittee ? '党委' : '党总支'}`,
    code: v.code,
    type: isCommittee ? 'committee' : 'general_branch',
    domain: 'village',
    divisionCode: v.code,
    foundedAt,
    children: VILLAGE_SUBBRANCHES.slice(0, subs).map((s, i) =>
      node({ name: `${place}${s}`, code: `${v.code}-${pad(i + 1, 2)}`, type: 'branch', domain: 'village', foundedAt }),
    ),
  });
};

const communityOrg = (r: Random, v: { code: string; name: string }): Node => {
  const place = placeName(v.name);
  const foundedAt = r.date(1995, 2018);
  if (r.chance(0.65))
    return node({ name: `${place}党支部`, code: v.code, type: 'branch', domain: 'community', divisionCode: v.code, foundedAt });
  const subs = r.int(2, 5);
  return node({
    name: `${place}党委`,
    code: v.code,
    type: 'committee',
    domain: 'community',
    divisionCode: v.code,
    foundedAt,
    children: COMMUNITY_SUBBRANCHES.slice(0, subs).map((s, i) =>
      node({ name: `${place}${s}`, code: `${v.code}-${pad(i + 1, 2)}`, type: 'branch', domain: 'community', foundedAt }),
    ),
  });
};

/** 两新 organizations: each with one branch, some joint branches of several small firms. */
const twoNewBranches = (r: Random, prefix: string, codePrefix: string, n: number): Node[] =>
  Array.from({ length: n }, (_, i) => {
    const isSocial = r.chance(0.35);
    const kind = r.pick(isSocial ? SOCIAL_ORG_KINDS : PRIVATE_ENTERPRISE_KINDS);
    const joint = !isSocial && r.chance(0.15);
    return node({
      name: joint
        ? `${prefix}${kind.replace('有限公司', '')}等企业联合党支部`
        : `${prefix}${r.pick(['兴旺', '金穗', '草原', '科尔沁', '蒙牛', '绿野', '瑞丰', '新元'])}${kind}党支部`,
      code: `${codePrefix}-LX-${pad(i + 1)}`,
      type: joint ? 'joint_branch' : 'branch',
      domain: isSocial ? 'social_org' : 'private_enterprise',
      foundedAt: r.date(2005, 2020),
    });
  });

/** A township (苏木乡镇) or street (街道) Party committee with everything under it. */
const townOrg = (
  r: Random,
  town: { code: string; name: string },
  villages: { code: string; name: string }[],
  counter: Counter,
  schoolQuota: number,
): Node => {
  const isStreet = /街道/.test(town.name);
  const short = town.name.replace(/办事处$/, '');
  const foundedAt = r.date(1950, 1985);
  const children: Node[] = [];
  for (const v of villages) {
    const kind = villageKind(v.name);
    if (kind === 'village') children.push(villageOrg(r, v));
    else if (kind === 'community') children.push(communityOrg(r, v));
    else
      children.push(
        node({ name: `${v.name}党支部`, code: v.code, type: 'branch', domain: 'soe', divisionCode: v.code, foundedAt: r.date(1960, 2000) }),
      );
  }
  const organs = ORGANS.slice(0, r.int(1, 3));
  organs.forEach((o, i) => {
    children.push(node({ name: `${short}${o}党支部`, code: `${town.code}-JG-${pad(i + 1)}`, type: 'branch', domain: 'organ', foundedAt }));
  });
  if (!isStreet) {
    children.push(
      node({
        name: `${short}卫生院党支部`,
        code: `${town.code}-WS-001`,
        type: 'branch',
        domain: 'institution',
        unit: `${short}卫生院`,
        foundedAt: r.date(1970, 2000),
      }),
    );
  }
  townSchools(short, r)
    .slice(0, Math.max(0, schoolQuota))
    .forEach((s, i) => {
      counter.schools++;
      children.push(
        node({
          name: `${s}党支部`,
          code: `${town.code}-XX-${pad(i + 1)}`,
          type: 'branch',
          domain: 'school',
          unit: s,
          foundedAt: r.date(1970, 2005),
        }),
      );
    });
  children.push(...twoNewBranches(r, short, town.code, r.int(1, isStreet ? 6 : 3)));
  return node({
    name: isStreet ? `中共${short}工作委员会` : `中共${short}委员会`,
    code: town.code,
    type: isStreet ? 'working_committee' : 'committee',
    domain: 'mixed',
    divisionCode: town.code,
    foundedAt,
    children,
    accounts: [{ username: `z${town.code}`, displayName: `${short}党(工)委组织委员`, role: 'org_admin' }],
  });
};

/** A banner/county (旗县市区) committee: its townships and its county-level systems. */
const countyOrg = (
  r: Random,
  county: { code: string; name: string },
  towns: { code: string; name: string }[],
  villagesOf: (town: string) => { code: string; name: string }[],
  counter: Counter,
  schoolShare: number,
): Node => {
  const isZone = county.code === '150571';
  const foundedAt = r.date(1947, 1960);
  const townNodes = towns.map((t) => townOrg(r, t, villagesOf(t.code), counter, isZone ? 0 : 2));
  const organs = node({
    name: `中共${county.name}直属机关工作委员会`,
    code: `${county.code}-JGGW`,
    type: 'working_committee',
    domain: 'organ',
    foundedAt,
    children: COUNTY_ORGANS.slice(0, isZone ? 8 : r.int(22, 30)).flatMap((o, i) => {
      const big = r.chance(0.2);
      const base = { code: `${county.code}-JG-${pad(i + 1)}`, domain: 'organ' as const, unit: `${county.name}${o}`, foundedAt };
      return big
        ? [
            node({
              ...base,
              name: `中共${county.name}${o}机关总支部委员会`,
              type: 'general_branch',
              children: ['第一党支部', '第二党支部', '第三党支部'].map((s, j) =>
                node({ name: `${county.name}${o}${s}`, code: `${base.code}-${pad(j + 1, 2)}`, type: 'branch', domain: 'organ', foundedAt }),
              ),
            }),
          ]
        : [node({ ...base, name: `中共${county.name}${o}机关支部委员会`, type: 'branch' })];
    }),
  });
  const schools = node({
    name: `中共${county.name}教育体育局党委`,
    code: `${county.code}-JYDW`,
    type: 'committee',
    domain: 'school',
    foundedAt,
    children: Array.from({ length: schoolShare }, (_, i) => {
      counter.schools++;
      const name = `${county.name}${i < 4 ? ['第一中学', '第二中学', '第三中学', '蒙古族中学'][i] : `第${i - 3}小学`}`;
      return node({
        name: `${name}党支部`,
        code: `${county.code}-XX-${pad(i + 1)}`,
        type: 'branch',
        domain: 'school',
        unit: name,
        foundedAt: r.date(1960, 2000),
      });
    }),
  });
  const hospitals = node({
    name: `中共${county.name}卫生健康系统委员会`,
    code: `${county.code}-WJDW`,
    type: 'committee',
    domain: 'institution',
    foundedAt,
    children: ['人民医院', '蒙医医院', '妇幼保健院', '疾病预防控制中心'].map((h, i) =>
      node({
        name: `${county.name}${h}党支部`,
        code: `${county.code}-WS-${pad(i + 1)}`,
        type: 'branch',
        domain: 'institution',
        unit: `${county.name}${h}`,
        foundedAt,
      }),
    ),
  });
  const twoNew = node({
    name: `中共${county.name}非公有制经济组织和社会组织工作委员会`,
    code: `${county.code}-LXGW`,
    type: 'working_committee',
    domain: 'mixed',
    foundedAt: r.date(2005, 2012),
    children: twoNewBranches(r, county.name.replace(/(旗|县|区|市)$/, ''), county.code, isZone ? 30 : r.int(45, 65)),
  });
  return node({
    name: isZone ? `中共${county.name}工作委员会` : `中共${county.name}委员会`,
    code: county.code,
    type: isZone ? 'working_committee' : 'committee',
    domain: 'mixed',
    divisionCode: county.code,
    foundedAt,
    children: [...townNodes, organs, schools, hospitals, twoNew],
    accounts: [{ username: `q${county.code}`, displayName: `${county.name}委组织部`, role: 'org_admin' }],
  });
};

/** The city's own systems: 市直机关工委, 教育工委, 国资委党委, 两新工委, the universities. */
const citySystems = (r: Random, counter: Counter, citySchools: number): Node[] => {
  const foundedAt = '1950-01-01';
  const organs = node({
    name: '中共通辽市直属机关工作委员会',
    code: '150500-JGGW',
    type: 'working_committee',
    domain: 'organ',
    foundedAt,
    accounts: [{ username: 'sjggw', displayName: '市直机关工委', role: 'org_admin' }],
    children: CITY_ORGANS.map((o, i) => {
      const subs = r.int(2, 6);
      return node({
        name: `中共通辽市${o}机关委员会`,
        code: `150500-JG-${pad(i + 1)}`,
        type: subs > 4 ? 'committee' : 'general_branch',
        domain: 'organ',
        unit: `通辽市${o}`,
        foundedAt,
        children: Array.from({ length: subs }, (_, j) =>
          node({
            name: `通辽市${o}第${'一二三四五六'[j]}党支部`,
            code: `150500-JG-${pad(i + 1)}-${pad(j + 1, 2)}`,
            type: 'branch',
            domain: 'organ',
            foundedAt,
          }),
        ),
      });
    }),
  });
  const schools = node({
    name: '中共通辽市委教育工作委员会',
    code: '150500-JYGW',
    type: 'working_committee',
    domain: 'school',
    foundedAt,
    accounts: [{ username: 'sjygw', displayName: '市委教育工委', role: 'org_admin' }],
    children: Array.from({ length: citySchools }, (_, i) => {
      counter.schools++;
      const name =
        i < 8
          ? `通辽市第${'一二三四五六七八'[i]}中学`
          : i < 12
            ? `通辽市蒙古族${'一二三四'[i - 8]}中`
            : `通辽市${['实验', '职业', '特殊教育', '科尔沁', '育新', '明仁', '红星', '民主'][i % 8]}学校${i}`;
      const subs = r.int(2, 5);
      return node({
        name: `中共${name}委员会`,
        code: `150500-XX-${pad(i + 1)}`,
        type: subs > 3 ? 'committee' : 'general_branch',
        domain: 'school',
        unit: name,
        foundedAt: r.date(1950, 2000),
        children: Array.from({ length: subs }, (_, j) =>
          node({
            name: `${name}${['高一', '高二', '高三', '初中部', '行政后勤'][j]}党支部`,
            code: `150500-XX-${pad(i + 1)}-${pad(j + 1, 2)}`,
            type: 'branch',
            domain: 'school',
            foundedAt,
          }),
        ),
      });
    }),
  });
  const soe = node({
    name: '中共通辽市人民政府国有资产监督管理委员会委员会',
    code: '150500-GZW',
    type: 'committee',
    domain: 'soe',
    foundedAt: '2005-01-01',
    accounts: [{ username: 'sgzw', displayName: '市国资委党委', role: 'org_admin' }],
    children: SOE_NAMES.map((s, i) => {
      const subs = r.int(4, 12);
      return node({
        name: `中共${s}委员会`,
        code: `150500-GQ-${pad(i + 1)}`,
        type: 'committee',
        domain: 'soe',
        unit: s,
        foundedAt: r.date(1995, 2015),
        children: Array.from({ length: subs }, (_, j) =>
          node({
            name: `${s.replace('有限公司', '').replace('有限责任公司', '')}第${j + 1}党支部`,
            code: `150500-GQ-${pad(i + 1)}-${pad(j + 1, 2)}`,
            type: 'branch',
            domain: 'soe',
            foundedAt: r.date(2000, 2018),
          }),
        ),
      });
    }),
  });
  const twoNew = node({
    name: '中共通辽市非公有制经济组织和社会组织工作委员会',
    code: '150500-LXGW',
    type: 'working_committee',
    domain: 'mixed',
    foundedAt: '2008-01-01',
    accounts: [{ username: 'slxgw', displayName: '市两新工委', role: 'org_admin' }],
    children: twoNewBranches(r, '通辽', '150500', 240),
  });
  const university = node({
    name: '中共内蒙古民族大学委员会',
    code: '150500-GX-001',
    type: 'committee',
    domain: 'university',
    unit: '内蒙古民族大学',
    foundedAt: '1958-01-01',
    children: [
      '蒙古学学院',
      '文学院',
      '政法与历史学院',
      '数理学院',
      '化学与材料学院',
      '生命科学与食品学院',
      '农学院',
      '动物科技学院',
      '医学院',
      '蒙医药学院',
      '工学院',
      '计算机科学与技术学院',
      '经济管理学院',
      '外国语学院',
      '体育学院',
      '美术学院',
      '音乐学院',
      '机关',
    ].map((c, i) =>
      node({
        name: `内蒙古民族大学${c}党总支`,
        code: `150500-GX-001-${pad(i + 1, 2)}`,
        type: 'general_branch',
        domain: 'university',
        foundedAt: '1978-01-01',
        children: ['教工党支部', '学生第一党支部', '学生第二党支部'].map((b, j) =>
          node({
            name: `内蒙古民族大学${c}${b}`,
            code: `150500-GX-001-${pad(i + 1, 2)}-${j + 1}`,
            type: 'branch',
            domain: 'university',
            foundedAt: '1980-01-01',
          }),
        ),
      }),
    ),
  });
  return [organs, schools, soe, twoNew, university];
};

/** Total schools graded in the seed (DOMAIN.md §4: 319 schools). */
const SCHOOL_TOTAL = 319;

/**
 * Branches graded in the 2021 分类定级 (seed: 2480 最强 = 35.1% → 7066). The demo's open branches
 * fall a little short; the rest are 两新 branches that existed then and were closed since, when
 * their firms were deregistered, so the round's figure comes from its own records.
 */
const BRANCHES_GRADED_2021 = 7066;
const CLOSED_FIRMS = [
  '恒达商贸',
  '宏远建材',
  '鑫源物流',
  '瑞丰农牧',
  '金诺电子',
  '华泰建筑',
  '富民肉业',
  '草原兴发',
  '天合广告',
  '兴隆装饰',
];
const closedBranches = (n: number): Node[] =>
  Array.from({ length: n }, (_, i) => {
    const firm = `通辽市${CLOSED_FIRMS[i % CLOSED_FIRMS.length]}${i >= CLOSED_FIRMS.length ? `${Math.floor(i / CLOSED_FIRMS.length) + 1}` : ''}有限公司`;
    return node({
      name: `中共${firm}支部委员会`,
      code: `150500-LX-C${pad(i + 1)}`,
      type: 'branch',
      domain: 'private_enterprise',
      unit: firm,
      foundedAt: '2016-07-01',
      closedAt: `${2022 + (i % 3)}-0${(i % 9) + 1}-15`,
      closeReason: '企业注销，党组织撤销，党员组织关系已转出',
    });
  });
const countBranches = (n: Node): number => (BRANCH_TYPES.includes(n.type) ? 1 : 0) + n.children.reduce((s, c) => s + countBranches(c), 0);

/** Builds the whole 通辽市 tree in memory from the real division names. */
export const buildTongliaoTree = (seed: number): Node => {
  const r = createRandom(seed);
  const div = tongliaoDivisions();
  const counter: Counter = { schools: 0 };
  const villagesOf = (town: string) => div.childrenOf(town).map(({ code, name }) => ({ code, name }));
  const counties = div.childrenOf();
  const countyNodes = counties.map((c) => countyOrg(r, c, div.childrenOf(c.code), villagesOf, counter, c.code === '150571' ? 0 : 12));
  // The city's own schools make up the seed's total of 319.
  const cityNodes = citySystems(r, counter, SCHOOL_TOTAL - counter.schools);
  const open = [...countyNodes, ...cityNodes].reduce((n, c) => n + countBranches(c), 0);
  const twoNew = cityNodes.find((c) => c.code.endsWith('-LXGW'));
  twoNew?.children.push(...closedBranches(Math.max(0, BRANCHES_GRADED_2021 - open)));
  return node({
    name: '中共通辽市委员会',
    code: '150500',
    type: 'committee',
    domain: 'mixed',
    divisionCode: '150500',
    foundedAt: '1947-05-01',
    children: [...countyNodes, ...cityNodes],
  });
};

/**
 * The county-level code an ID issued there would carry: the org code's first six digits; the city's
 * own systems and the 开发区 (not a GB/T 2260 county) use 科尔沁区, the city seat.
 */
const regionOf = (code: string) => {
  const six = code.slice(0, 6);
  return /^\d{6}$/.test(six) && !six.endsWith('00') && six.slice(4) !== '71' ? six : `${six.slice(0, 4)}02`;
};

/** Flattens the tree into insert rows, ids taken from the org sequence in one call. */
const flatten = async (q: Q, root: Node) => {
  const all: { n: Node; parent: number | null }[] = [];
  const walk = (n: Node, parent: number | null) => {
    const idx = all.length;
    all.push({ n, parent });
    for (const c of n.children) walk(c, idx);
  };
  walk(root, null);
  const ids = await nextOrgIds(q, all.length);
  const paths: string[] = [];
  const inserts: OrgInsert[] = all.map(({ n, parent }, i) => {
    const id = ids[i] as number;
    paths[i] = parent === null ? String(id) : `${paths[parent]}.${id}`;
    return {
      id,
      parentId: parent === null ? null : (ids[parent] as number),
      path: paths[i] as string,
      name: n.name,
      code: n.code,
      type: n.type,
      domain: n.domain,
      divisionCode: n.divisionCode,
      foundedAt: n.foundedAt,
      unit: n.unit,
      closedAt: n.closedAt,
      closeReason: n.closeReason,
      pinyin: pinyinKey(n.name),
    };
  });
  return { inserts, accounts: all.flatMap(({ n }, i) => (n.accounts ?? []).map((a) => ({ ...a, orgId: ids[i] as number }))) };
};

/**
 * Loads the Tongliao demo organization tree and its county, township and system accounts
 * (password DEMO_PASSWORD, no forced change). Deterministic for a seed.
 */
export const generateTongliao = (
  q: Q,
  deps: Deps,
  opts: { scale: 'city' | 'province' | 'small'; seed: number },
  preparation = new Preparation(DEMO_STAGES, () => {}),
) => bulkLoad(q, () => loadTongliao(q, deps, opts, preparation));

const loadTongliao = async (q: Q, deps: Deps, opts: { scale: 'city' | 'province' | 'small'; seed: number }, preparation: Preparation) => {
  let root = buildTongliaoTree(opts.seed);
  if (opts.scale === 'small') root = { ...root, children: root.children.slice(0, 1) };
  if (opts.scale === 'province') root = provinceOf(root);
  const stage = preparation.stage.bind(preparation);
  const n = (count: number) => count.toLocaleString('zh-CN');
  const { inserts, accounts } = await stage(
    'orgs',
    async () => {
      const flat = await flatten(q, root);
      await insertOrgs(q, flat.inserts);
      return flat;
    },
    (flat) => `${n(flat.inserts.length)} 个党组织`,
  );
  const branches = inserts
    .filter((o) => BRANCH_TYPES.includes(o.type) && !o.closedAt)
    .map((o) => ({ id: o.id, domain: o.domain, region: regionOf(o.code), path: o.path }));
  const today = businessDate(deps.now());
  const members = await stage(
    'members',
    () => generateMembers(q, deps.keys, createRandom(opts.seed + 1), branches, today),
    (m) => `${n(m)} 名党员`,
  );
  const applicants = await stage(
    'applicants',
    () => generateApplicants(q, deps.keys, createRandom(opts.seed + 2), branches, today),
    (a) => `${n(a)} 名入党申请人`,
  );
  const transfers = await stage(
    'transfers',
    () => generateTransfers(q, createRandom(opts.seed + 3), branches, today),
    (t) => `${n(t)} 份组织关系介绍信`,
  );
  const { commendations, medals } = await stage(
    'honors',
    async () => ({
      commendations: await generateCommendations(
        q,
        createRandom(opts.seed + 4),
        branches.map((b) => b.id),
      ),
      medals: await generateMedal50(
        q,
        today,
        actingOrgsByBranch(
          inserts,
          branches.map((b) => b.id),
        ),
      ),
    }),
    (h) => `${n(h.commendations)} 项表彰，${n(h.medals)} 份纪念章申报`,
  );
  const life = await stage(
    'branchLife',
    () => generateBranchLife(q, createRandom(opts.seed + 6), branches, today),
    (l) => `${n(l.meetings)} 次会议，${n(l.payments)} 笔党费`,
  );
  const evaluations = await stage(
    'evaluations',
    () => generateEvaluations(q, createRandom(opts.seed + 7), today),
    (e) => `${n(e.rounds)} 轮评星定级，${n(e.entries)} 个参评记录`,
  );
  await stage(
    'accounts',
    async () => {
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const a of accounts) {
        const [u] = await rows<{ id: number }>(
          q,
          sql`insert into app_user (username, display_name, password_hash, home_org_id, must_change_password)
            values (${a.username}, ${a.displayName}, ${hash}, ${a.orgId}, false) returning id`,
        );
        await q.execute(sql`insert into user_grant (user_id, role, org_id) values (${u?.id}, ${a.role}, ${a.orgId})`);
      }
      // A Party member's own account, linked to a member in arrears, to show 我的党费.
      const [self] = await rows<{ id: number; orgId: number; name: string }>(
        q,
        sql`select m.id, m.org_id as "orgId", m.name from member m
          where m.exit_type is null and exists (select 1 from dues_assessment a where a.member_id = m.id)
            and not exists (select 1 from dues_payment p where p.member_id = m.id and p.to_month >= date_trunc('month', ${today}::date) - interval '3 months')
          order by m.id limit 1`,
      );
      if (self) {
        const [u] = await rows<{ id: number }>(
          q,
          sql`insert into app_user (username, display_name, password_hash, home_org_id, must_change_password, member_id)
            values (${DEMO_MEMBER_ACCOUNT}, ${self.name}, ${hash}, ${self.orgId}, false, ${self.id}) returning id`,
        );
        await q.execute(sql`insert into user_grant (user_id, role, org_id) values (${u?.id}, 'member', ${self.orgId})`);
      }
    },
    () => `${n(accounts.length)} 个管理员账号`,
  );
  await recordAudit(
    q,
    deps.keys.audit,
    { actorId: null, actorName: 'system', actorRole: null, actorOrgId: null, requestId: null, ip: null },
    {
      action: 'system.demo',
      detail: {
        scale: opts.scale,
        seed: opts.seed,
        orgs: inserts.length,
        members,
        applicants,
        transfers,
        commendations,
        medals,
        ...life,
        evaluationRounds: evaluations.rounds,
        evaluationEntries: evaluations.entries,
        accounts: accounts.length,
      },
    },
    deps.now(),
  );
  const branchCount = branches.length;
  const sample = accounts.slice(0, 3).map((a) => a.username);
  return {
    rootId: inserts[0]?.id as number,
    orgs: inserts.length,
    lines: [
      `演示数据：${inserts.length} 个党组织（其中党支部 ${branchCount} 个），${members} 名党员，${applicants} 名入党申请人，${transfers} 份组织关系介绍信，${commendations} 项表彰，${medals} 份「光荣在党50年」纪念章申报，${life.meetings} 次会议、${life.committees} 个支部班子、${life.payments} 笔党费交纳记录（${life.behind} 个党组织有应开未开的会议），${evaluations.rounds} 轮评星定级（${evaluations.entries} 个参评记录），${accounts.length} 个旗县、苏木乡镇及市直系统管理员账号`,
      `演示账号：旗县 q+区划代码（如 ${sample[0]}），苏木乡镇 z+区划代码（如 ${sample[1]}），党员本人 ${DEMO_MEMBER_ACCOUNT}（查看我的党费），密码：${DEMO_PASSWORD}`,
    ],
  };
};

/** Inner Mongolia's 12 leagues and cities: the province-scale benchmark repeats the city tree under each. */
const LEAGUES: [string, string][] = [
  ['150100', '呼和浩特市'],
  ['150200', '包头市'],
  ['150300', '乌海市'],
  ['150400', '赤峰市'],
  ['150500', '通辽市'],
  ['150600', '鄂尔多斯市'],
  ['150700', '呼伦贝尔市'],
  ['150800', '巴彦淖尔市'],
  ['150900', '乌兰察布市'],
  ['152200', '兴安盟'],
  ['152500', '锡林郭勒盟'],
  ['152900', '阿拉善盟'],
];

/** A synthetic province: the Tongliao tree copied under each league with its codes and city name replaced. */
const provinceOf = (city: Node): Node => {
  const copy = (n: Node, code: string, name: string): Node => ({
    ...n,
    code: n.code.replace(/^1505/, code.slice(0, 4)),
    name: n.name.replace('通辽市', name),
    divisionCode: n.divisionCode?.replace(/^1505/, code.slice(0, 4)),
    accounts: n.accounts?.map((a) => ({ ...a, username: `${a.username}_${code.slice(0, 4)}` })),
    children: n.children.map((c) => copy(c, code, name)),
  });
  return node({
    name: '中共内蒙古自治区委员会',
    code: '150000',
    type: 'committee',
    domain: 'mixed',
    divisionCode: '150000',
    foundedAt: '1947-05-01',
    children: LEAGUES.map(([code, name]) => copy(city, code, name)),
  });
};
