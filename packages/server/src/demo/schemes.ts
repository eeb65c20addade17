import {
  type Criterion,
  FLAG_STEPS,
  GRADING_STEPS,
  type Level,
  type OrgDomain,
  REVIEW_STEPS,
  type Scheme,
  type SchemeStep,
} from '@jishi/domain';

/**
 * The ready-made schemes of the demo (DOMAIN.md §4): texts a 组织部 would recognise, written from
 * the 支部工作条例, the 农村/国企/机关 条例 and the seed's programmes. Each is a plain `Scheme`, as
 * an admin would enter it; a year's version is a copy with a new year.
 */
export const FLAGS = [
  { key: 'party_building', name: '党建示范' },
  { key: 'prosperity', name: '脱贫致富' },
  { key: 'industry', name: '产业兴旺' },
  { key: 'civility', name: '乡风文明' },
  { key: 'governance', name: '社会治理' },
];

type Item = Omit<Criterion, 'key'>;
const keyed = (prefix: string, items: Item[]): Criterion[] => items.map((c, i) => ({ key: `${prefix}${i + 1}`, ...c }));

/** 「五面红旗」嘎查村 indicators (2018 on), per flag. */
const VILLAGE_FLAG_ITEMS: Record<string, Item[]> = {
  party_building: [
    { text: '嘎查村党组织班子团结有力，书记“一肩挑”，无违纪违法', basis: '《中国共产党农村基层组织工作条例》第十八条' },
    {
      text: '“三会一课”、主题党日、组织生活会按期规范召开',
      basis: '《中国共产党支部工作条例（试行）》第十九条',
      binding: 'life.completion_rate',
    },
    { text: '党员按月足额交纳党费，无连续6个月不交纳党费的党员', basis: '中组发〔2008〕3号', binding: 'dues.paid_rate' },
    { text: '近三年每年至少发展1名35岁以下青年农牧民党员', basis: '《中国共产党发展党员工作细则》', binding: 'development.admitted' },
  ],
  prosperity: [{ text: '嘎查村集体经济年收入达到10万元以上' }, { text: '脱贫户、监测户无返贫致贫，帮扶措施落实到户' }],
  industry: [
    { text: '形成1个以上主导产业（肉牛、玉米、杂粮杂豆等），带动农牧户增收' },
    { text: '建有合作社或龙头企业带农联农机制，党员致富带头人发挥作用' },
  ],
  civility: [
    { text: '村规民约健全，红白理事会、道德评议会运转正常，移风易俗见实效' },
    { text: '人居环境整治达标，开展“十星级文明户”等评选' },
  ],
  governance: [{ text: '“四议两公开”落实，村务公开及时规范' }, { text: '网格化管理全覆盖，矛盾纠纷“小事不出网、大事不出村”，无越级上访' }],
};

/** 2021 extension: each flag's indicators written for each of the other domains (seed). */
const DOMAIN_FLAG_ITEMS: Record<string, { domains: OrgDomain[]; items: Record<string, Item> }> = {
  community: {
    domains: ['community'],
    items: {
      party_building: { text: '社区“大党委”运行规范，共驻共建单位签约履责', binding: 'life.completion_rate' },
      prosperity: { text: '“红色物业”覆盖住宅小区，居民满意度90%以上' },
      industry: { text: '社区服务项目化运作，引进培育社会组织3个以上' },
      civility: { text: '在职党员进社区报到服务常态化，志愿服务活动每月开展' },
      governance: { text: '“社区—网格—楼栋”三级组织体系健全，诉求办结率95%以上' },
    },
  },
  organ: {
    domains: ['organ'],
    items: {
      party_building: { text: '机关党支部标准化规范化建设达标，“三会一课”规范', binding: 'life.completion_rate' },
      prosperity: { text: '党建与业务深度融合，年度重点工作全部完成' },
      industry: { text: '创建“党员先锋岗”“党员示范岗”，服务效能明显提升' },
      civility: { text: '作风建设有力，无“四风”问题被通报' },
      governance: { text: '包联社区、嘎查村工作扎实，为基层办实事10件以上' },
    },
  },
  institution: {
    domains: ['institution', 'school'],
    items: {
      party_building: { text: '党组织领导下的行政领导人负责制落实，议事规则健全', binding: 'life.completion_rate' },
      prosperity: { text: '业务发展指标完成，服务对象满意度提升' },
      industry: { text: '专业技术人才中发展党员，把骨干培养成党员' },
      civility: { text: '师德医德建设扎实，无重大负面舆情' },
      governance: { text: '安全生产、意识形态责任落实，无重大事故' },
    },
  },
  soe: {
    domains: ['soe'],
    items: {
      party_building: { text: '党建工作写入公司章程，党组织研究讨论前置落实', binding: 'life.completion_rate' },
      prosperity: { text: '国有资产保值增值，年度经营目标完成' },
      industry: { text: '党员创新工作室、攻关项目取得成效' },
      civility: { text: '企业文化建设与职工群众工作成效明显' },
      governance: { text: '合规管理和风险防控体系健全，无重大违规' },
    },
  },
  two_new: {
    domains: ['private_enterprise', 'social_org'],
    items: {
      party_building: { text: '党组织和党的工作有效覆盖，有场所、有活动、有制度', binding: 'life.completion_rate' },
      prosperity: { text: '企业（组织）健康发展，依法纳税、诚信经营' },
      industry: { text: '党员带头攻坚，发挥在生产经营、服务中的先锋作用' },
      civility: { text: '构建和谐劳动关系，关爱职工，履行社会责任' },
      governance: { text: '出资人（负责人）支持党建工作，党建工作经费落实' },
    },
  },
};

const flagCriteria = (withDomains: boolean): Criterion[] => {
  const village = FLAGS.flatMap((f) =>
    keyed(`v_${f.key}_`, VILLAGE_FLAG_ITEMS[f.key] ?? []).map((c) => ({
      ...c,
      flag: f.key,
      ...(withDomains ? { domains: ['village' as const] } : {}),
    })),
  );
  if (!withDomains) return village;
  return [
    ...village,
    ...Object.entries(DOMAIN_FLAG_ITEMS).flatMap(([d, { domains, items }]) =>
      FLAGS.map((f) => ({ key: `${d}_${f.key}`, flag: f.key, domains, ...(items[f.key] as Item) })),
    ),
  ];
};

const TEN_THOUSAND_YUAN = 1_000_000;

export const redFlagsVillage = (year: number): Scheme => ({
  programme: 'red_flags',
  name: `${year}年“五面红旗嘎查村”创建`,
  year,
  domains: ['village'],
  orgTypes: ['committee', 'general_branch', 'branch'],
  criteria: flagCriteria(false),
  levels: [],
  flags: FLAGS,
  flagCap: 3,
  subsidyPerFlagFen: TEN_THOUSAND_YUAN,
  steps: FLAG_STEPS,
});

/** 2021 on: 「五面红旗党支部」 across six domains, each with its own indicators per flag. */
export const redFlagsAllDomains = (year: number): Scheme => ({
  programme: 'red_flags',
  name: `${year}年“五面红旗党支部”创建（六个领域）`,
  year,
  domains: ['village', 'community', 'organ', 'institution', 'school', 'soe', 'private_enterprise', 'social_org'],
  orgTypes: ['general_branch', 'branch', 'joint_branch'],
  criteria: flagCriteria(true),
  levels: [],
  flags: FLAGS,
  flagCap: 3,
  subsidyPerFlagFen: TEN_THOUSAND_YUAN,
  steps: FLAG_STEPS,
});

/** The four levels of 分类定级; names, bands and the quota are settings. */
export const GRADING_LEVELS: Level[] = [
  { key: 'strongest', name: '最强党支部', minScore: 95 },
  { key: 'standard', name: '标准党支部', minScore: 85 },
  { key: 'qualified', name: '合格党支部', minScore: 70 },
  { key: 'weak', name: '后进党支部', minScore: 0 },
];

/** Items every domain's reference standard shares (支部工作条例), then each domain's own. */
const COMMON_GRADING: Item[] = [
  {
    text: '“三会一课”按期召开，记录完整',
    maxDeduction: 15,
    rule: '每缺1次扣2分',
    basis: '支部工作条例第十九条',
    binding: 'life.completion_rate',
  },
  { text: '支部委员会按期换届，班子配备齐全', maxDeduction: 10, rule: '逾期未换届扣10分，班子不全扣5分', basis: '支部工作条例第二十一条' },
  {
    text: '党员按月足额交纳党费',
    maxDeduction: 10,
    rule: '交纳率每低1个百分点扣1分',
    basis: '中组发〔2008〕3号',
    binding: 'dues.paid_rate',
  },
  { text: '组织生活会和民主评议党员每年开展', maxDeduction: 10, rule: '未开展扣10分', basis: '支部工作条例第二十条' },
  { text: '发展党员程序规范，按计划完成发展任务', maxDeduction: 10, rule: '程序不规范每人次扣3分', basis: '发展党员工作细则' },
  { text: '党员教育管理到位，流动党员联系管理', maxDeduction: 10, rule: '失联党员每人扣2分' },
  { text: '阵地建设规范，党员活动场所标识统一', maxDeduction: 5, rule: '不规范扣1—5分' },
  { text: '支部书记或班子成员有违纪违法行为被立案审查', maxDeduction: 0, veto: true, basis: '一票否决' },
];
const DOMAIN_GRADING: Record<string, { domains: OrgDomain[]; items: Item[] }> = {
  village: {
    domains: ['village'],
    items: [
      {
        text: '“四议两公开”落实，村级重大事项决策规范',
        maxDeduction: 15,
        rule: '每发现1件未履行程序扣5分',
        basis: '农村基层组织工作条例第十九条',
      },
      { text: '嘎查村集体经济稳定增长，无“空壳村”', maxDeduction: 15, rule: '年收入低于5万元扣10分' },
    ],
  },
  community: {
    domains: ['community'],
    items: [
      { text: '社区“大党委”与共驻共建单位联席会议每季度召开', maxDeduction: 15, rule: '每缺1次扣4分' },
      { text: '在职党员进社区报到并参加服务', maxDeduction: 15, rule: '报到率每低5个百分点扣2分' },
    ],
  },
  organ: {
    domains: ['organ'],
    items: [
      {
        text: '党建与业务工作同谋划、同部署、同考核',
        maxDeduction: 15,
        rule: '未纳入年度考核扣10分',
        basis: '党和国家机关基层组织工作条例',
      },
      { text: '机关作风建设，服务群众满意度', maxDeduction: 15, rule: '被通报批评每次扣5分' },
    ],
  },
  institution: {
    domains: ['institution', 'school', 'university'],
    items: [
      { text: '党组织在单位发挥领导作用或政治核心作用，议事决策规则落实', maxDeduction: 15, rule: '重大事项未经党组织研究扣10分' },
      { text: '在专业技术人员、青年骨干中发展党员', maxDeduction: 15, rule: '连续两年未发展扣5分' },
    ],
  },
  soe: {
    domains: ['soe'],
    items: [
      {
        text: '党组织研究讨论作为董事会、经理层决策重大问题的前置程序',
        maxDeduction: 15,
        rule: '未前置研究每项扣5分',
        basis: '国有企业基层组织工作条例第十五条',
      },
      { text: '党建工作与生产经营深度融合，党员先锋岗作用发挥', maxDeduction: 15 },
    ],
  },
  two_new: {
    domains: ['private_enterprise', 'social_org'],
    items: [
      { text: '党的组织和工作有效覆盖，出资人（负责人）支持党建', maxDeduction: 15 },
      { text: '党组织在职工群众中发挥政治引领作用，参与企业（组织）重大决策', maxDeduction: 15 },
    ],
  },
};

export const branchGrading = (year: number): Scheme => ({
  programme: 'branch_grading',
  name: `${year}年党支部分类定级（“最强党支部”创建）`,
  year,
  domains: [],
  orgTypes: ['branch', 'joint_branch', 'temporary_branch'],
  criteria: [
    ...keyed('c', COMMON_GRADING),
    ...Object.entries(DOMAIN_GRADING).flatMap(([d, { domains, items }]) => keyed(`${d}_`, items).map((c) => ({ ...c, domains }))),
  ],
  levels: GRADING_LEVELS,
  // A setting: the seed's 35.1% sits under it.
  topQuotaPercent: 40,
  vetoCap: 'weak',
  flags: [],
  steps: GRADING_STEPS,
});

const DEFAULT_LEVEL_STEPS: SchemeStep[] = GRADING_STEPS.map((s) => (s.kind === 'self' ? { ...s, name: '党组织自评' } : s));

/** Schools: 先进 / 一般 / 后进, judged (seed: 319 schools graded). */
export const schoolGrading = (year: number): Scheme => ({
  programme: 'school_grading',
  name: `${year}年中小学校党组织定级评价`,
  year,
  domains: ['school'],
  orgTypes: [],
  unitOrgs: true,
  criteria: keyed('s', [
    { text: '党组织领导的校长负责制落实，党组织会议、校长办公会议议事规则健全' },
    { text: '党组织书记、校长分设或“一肩挑”符合要求，班子成员分工明确' },
    { text: '思政课和课程思政落实，铸牢中华民族共同体意识教育进课堂' },
    { text: '教师党员占比和青年教师发展党员情况' },
    { text: '师德师风建设，无违反师德行为', veto: true },
  ]),
  levels: [
    { key: 'advanced', name: '先进' },
    { key: 'average', name: '一般' },
    { key: 'lagging', name: '后进' },
  ],
  flags: [],
  steps: DEFAULT_LEVEL_STEPS,
});

/** 「幸福社区」: 共驻共建, 在职党员进社区, 红色物业 (seed), scored to 100 with a 90-point line. */
export const happyCommunity = (year: number): Scheme => ({
  programme: 'happy_community',
  name: `${year}年“幸福社区”评选`,
  year,
  domains: ['community'],
  orgTypes: [],
  criteria: keyed('h', [
    { text: '共驻共建：驻区单位签订共建协议，资源、阵地、活动共享', points: 30 },
    { text: '在职党员进社区：报到率、认领服务岗位和参加志愿服务情况', points: 30 },
    { text: '红色物业：物业企业党组织覆盖，纳入社区党组织统筹', points: 25 },
    { text: '居民满意度测评', points: 15 },
  ]),
  levels: [
    { key: 'named', name: '幸福社区', minScore: 90 },
    { key: 'not_named', name: '未达标', minScore: 0 },
  ],
  flags: [],
  steps: DEFAULT_LEVEL_STEPS,
});

/** 书记抓基层党建述职评议考核: the secretaries of the 旗县市区 and 市直 systems report to the city. */
export const secretaryReview = (year: number): Scheme => ({
  programme: 'secretary_review',
  name: `${year}年度党组织书记抓基层党建工作述职评议考核`,
  year,
  domains: [],
  orgTypes: ['committee', 'working_committee'],
  criteria: keyed('r', [
    { text: '履行第一责任人职责，研究部署基层党建工作' },
    { text: '上年度述职评议反馈问题整改落实' },
    { text: '基层党组织标准化规范化建设和软弱涣散党组织整顿' },
    { text: '党员队伍建设和发展党员工作' },
  ]),
  levels: [],
  flags: [],
  steps: REVIEW_STEPS,
});
