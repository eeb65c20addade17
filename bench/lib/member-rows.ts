import {
  addMonths,
  addYears,
  EDUCATIONS,
  GENDER_LABELS,
  idCheckChar,
  MEMBER_STATUS_LABELS,
  OCCUPATION_LABELS,
  OCCUPATIONS,
} from '@jishi/domain';

/** One row of the member import sheet, keyed by the template's Chinese headers. */
export type SheetRow = Record<string, string>;

const HAN_SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭';
const HAN_GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍鹏飞红梅志丹宇欣怡浩然涵萱国庆建淑珍凤永胜海龙';
const MONGOL_NAMES = [
  '巴特尔',
  '额尔敦',
  '那仁',
  '朝鲁',
  '阿拉坦',
  '宝音',
  '图门',
  '乌力吉',
  '其其格',
  '乌日娜',
  '斯琴',
  '萨仁',
  '高娃',
  '塔娜',
];

/** mulberry32: a small deterministic generator, so every run imports the same rows. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Birth dates on the 29th and 30th of 1950–1999 (not February): the demo draws days 1–28 only, so
 * these ID numbers can never collide with a demo member. 1,100 dates × 1,000 sequence numbers.
 */
const BIRTH_DATES = (() => {
  const out: string[] = [];
  for (let y = 1950; y <= 1999; y++)
    for (let m = 1; m <= 12; m++) if (m !== 2) for (const d of [29, 30]) out.push(`${y}-${String(m).padStart(2, '0')}-${d}`);
  return out;
})();
export const MAX_ROWS = BIRTH_DATES.length * 1000;

/**
 * `count` member rows that pass every import check: checksum-valid, unique ID numbers whose
 * gender digit matches; 入党 at 18 or later and at least two years ago; 转正 exactly one year
 * after 入党 for full members; about 3 % probationary, admitted in the last 11 months.
 */
export const memberRows = (count: number, branchCodes: string[], region: string, today: string, seed = 7): SheetRow[] => {
  if (count > MAX_ROWS) throw new Error(`at most ${MAX_ROWS} distinct rows`);
  if (branchCodes.length === 0) throw new Error('no branch to import into');
  const r = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const latestJoin = addYears(today, -2);
  const rows: SheetRow[] = [];
  for (let i = 0; i < count; i++) {
    const seq = i % 1000;
    // Stride 37 (coprime to 1,100) spreads consecutive thousands over the years.
    const birth = BIRTH_DATES[(Math.floor(i / 1000) * 37) % BIRTH_DATES.length] as string;
    const male = seq % 2 === 1;
    const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    const probationary = r() < 0.03;
    let joinedAt: string;
    if (probationary) joinedAt = addMonths(today, -int(1, 11));
    else {
      joinedAt = addMonths(addYears(birth, int(18, 40)), int(0, 11));
      if (joinedAt > latestJoin) joinedAt = latestJoin;
    }
    const mongol = r() < 0.36;
    const name = mongol
      ? pick(MONGOL_NAMES)
      : (HAN_SURNAMES[int(0, HAN_SURNAMES.length - 1)] as string) + HAN_GIVEN.slice(int(0, HAN_GIVEN.length - 2)).slice(0, int(1, 2));
    rows.push({
      姓名: name,
      性别: GENDER_LABELS[male ? 'male' : 'female'],
      民族: mongol ? '蒙古族' : '汉族',
      公民身份号码: first17 + idCheckChar(first17),
      手机号码: r() < 0.7 ? `13${String(int(0, 999_999_999)).padStart(9, '0')}` : '',
      所在党组织代码: branchCodes[i % branchCodes.length] as string,
      入党日期: joinedAt,
      转正日期: probationary ? '' : addYears(joinedAt, 1),
      党员状态: MEMBER_STATUS_LABELS[probationary ? 'probationary' : 'full'],
      人员类别: OCCUPATION_LABELS[pick(OCCUPATIONS)],
      学历: pick(EDUCATIONS),
      流动党员: r() < 0.05 ? '是' : '否',
      在职党员: r() < 0.4 ? '是' : '否',
    });
  }
  return rows;
};

/** Today's business date (Asia/Shanghai), as the server computes it. */
export const businessToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
