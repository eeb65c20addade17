import { addMonths, addYears, idCheckChar, type MemberCreate, type OrgDomain } from '@jishi/domain';
import { loadMembers, type MemberInsert } from '../modules/members/member.repo.js';
import { createSealPool } from '../modules/members/member.sealing.js';
import type { SealInput } from '../modules/members/member.service.js';
import type { Keys } from '../platform/crypto.js';
import { withIndexesDeferred } from '../platform/db/bulk.js';
import type { Q } from '../platform/db/index.js';
import type { Random } from './random.js';

const HAN_SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const HAN_GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华飞红梅志强丹宇欣怡浩然子涵雨萱国庆建国淑珍凤英永胜海龙';
const MONGOL_NAMES_M = [
  '巴特尔',
  '额尔敦',
  '那仁',
  '朝鲁',
  '阿拉坦',
  '宝音',
  '图门',
  '乌力吉',
  '斯琴巴图',
  '孟和',
  '白音',
  '特木尔',
  '敖日格乐',
  '达来',
  '布和',
  '吉日嘎拉',
  '苏和',
  '巴雅尔',
  '哈斯',
  '满都拉',
];
const MONGOL_NAMES_F = [
  '其其格',
  '乌日娜',
  '斯琴',
  '苏日娜',
  '图雅',
  '萨仁',
  '娜仁花',
  '高娃',
  '塔娜',
  '乌兰',
  '琪琪格',
  '阿拉坦其其格',
  '包金花',
  '额尔登花',
  '敖登',
  '托娅',
];
const MONGOL_SURNAMES = ['包', '白', '宝', '吴', '韩', '陈', '鲍', '佟', '于', '王'];
const OTHER_ETHNICITIES = ['满族', '回族', '朝鲜族', '达斡尔族', '锡伯族'] as const;

/** Members per branch by domain: [min, max] (village branches are the largest, two-new ones the smallest). */
const SIZE: Record<OrgDomain, [number, number]> = {
  village: [13, 42],
  community: [15, 52],
  organ: [6, 26],
  institution: [6, 24],
  school: [6, 26],
  soe: [8, 30],
  private_enterprise: [2, 8],
  social_org: [2, 6],
  university: [10, 40],
  mixed: [5, 15],
};

/** The seed's 6,150 medal-eligible of ~160,000 members in 2021: joined by 1970. */
const OLD_GUARD_SHARE = 0.0402;
const PROBATIONARY_SHARE = 0.03;
/** 哲里木盟 codes that older IDs still carry (RULES.md §6). */
const OLD_CODES: Record<string, string> = {
  '150502': '152301',
  '150521': '152322',
  '150522': '152323',
  '150523': '152324',
  '150524': '152325',
  '150525': '152326',
  '150526': '152327',
  '150581': '152302',
};

const OCCUPATION_BY_DOMAIN: Partial<Record<OrgDomain, MemberCreate['occupation'][]>> = {
  village: ['farmer_herder', 'farmer_herder', 'farmer_herder', 'retired', 'other'],
  community: ['retired', 'retired', 'worker', 'other', 'private_sector'],
  organ: ['civil_servant', 'civil_servant', 'civil_servant', 'retired'],
  institution: ['professional', 'professional', 'manager', 'retired'],
  school: ['professional', 'professional', 'professional', 'manager'],
  soe: ['worker', 'worker', 'manager', 'professional'],
  private_enterprise: ['private_sector', 'private_sector', 'worker'],
  social_org: ['private_sector', 'professional'],
  university: ['professional', 'student', 'student', 'professional'],
};

export interface DemoBranch {
  id: number;
  domain: OrgDomain;
  /** County division code, for the ID's region. */
  region: string;
  path: string;
}

/**
 * Members for every branch of the demo tree, with checksum-valid IDs carrying Tongliao region codes
 * (older ones the 哲里木盟 codes). Yields them one at a time: a province has millions.
 */
export function* buildMembers(r: Random, branches: DemoBranch[], today: string): Generator<{ input: MemberCreate; birth: string }> {
  const seen = new Set<string>();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const dateIn = (fromYear: number, toYear: number) => `${r.int(fromYear, toYear)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  for (const b of branches) {
    const [min, max] = SIZE[b.domain];
    const size = r.int(min, max);
    for (let i = 0; i < size; i++) {
      const oldGuard = r.chance(OLD_GUARD_SHARE);
      const probationary = !oldGuard && r.chance(PROBATIONARY_SHARE);
      const female = r.chance(b.domain === 'school' || b.domain === 'community' ? 0.5 : 0.26);
      const birth = oldGuard ? dateIn(1928, 1948) : probationary ? dateIn(1985, 2004) : dateIn(1950, 2003);
      // Admitted at 18 to 40: never before the 18th birthday; the old guard by mid-1970, the rest
      // after it; a full member at least two years ago (room for an extended probation).
      const earliest = addYears(birth, 18);
      let joinedAt: string;
      if (probationary) {
        joinedAt = addMonths(today, -r.int(1, 11));
      } else {
        const lowest = oldGuard || earliest > '1971-07-02' ? earliest : '1971-07-02';
        const latest = oldGuard ? '1970-06-30' : addYears(today, -2);
        const wanted = addMonths(addYears(birth, r.int(18, 40)), r.int(0, 11));
        joinedAt = wanted;
        if (joinedAt < lowest) joinedAt = lowest;
        if (joinedAt > latest) joinedAt = latest;
      }
      const fullMemberAt = probationary ? undefined : addMonths(addYears(joinedAt, 1), r.chance(0.04) ? r.int(6, 12) : 0);

      const ethnicRoll = r.next();
      const ethnicity = ethnicRoll < 0.36 ? '蒙古族' : ethnicRoll < 0.95 ? '汉族' : r.pick(OTHER_ETHNICITIES);
      const name =
        ethnicity === '蒙古族'
          ? (r.chance(0.3) ? r.pick(MONGOL_SURNAMES) : '') + r.pick(female ? MONGOL_NAMES_F : MONGOL_NAMES_M)
          : HAN_SURNAMES[r.int(0, HAN_SURNAMES.length - 1)] + HAN_GIVEN.slice(r.int(0, HAN_GIVEN.length - 2)).slice(0, r.int(1, 2));

      const region = birth < '1990-01-01' && r.chance(0.15) ? (OLD_CODES[b.region] ?? b.region) : b.region;
      let idNumber = '';
      do {
        const seq = r.int(0, 499) * 2 + (female ? 0 : 1);
        const first17 = `${region}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
        idNumber = first17 + idCheckChar(first17);
      } while (seen.has(idNumber));
      seen.add(idNumber);

      const input: MemberCreate = {
        name,
        gender: female ? 'female' : 'male',
        ethnicity: ethnicity as MemberCreate['ethnicity'],
        idNumber,
        phone: r.chance(0.7) ? `1${r.pick(['3', '5', '8'])}${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}` : undefined,
        orgId: b.id,
        joinedAt,
        fullMemberAt,
        status: probationary ? 'probationary' : 'full',
        education: r.pick([
          '研究生',
          '大学本科',
          '大学本科',
          '大学专科',
          '大学专科',
          '中等专科',
          '高中',
          '初中及以下',
          '初中及以下',
        ] as const),
        occupation: r.pick(OCCUPATION_BY_DOMAIN[b.domain] ?? ['other']),
        isFlowing: b.domain === 'village' && r.chance(0.05),
        isInService: (b.domain === 'organ' || b.domain === 'institution' || b.domain === 'school') && r.chance(0.8),
      };
      yield { input, birth };
    }
  }
}

/** Members per batch: sealed on a worker while the database loads the batch before. */
const BATCH = 5000;

/**
 * Seals the demo members as the API would (SM4 + blind index) on worker threads and loads them in
 * batches, in the order generated: the next batches are sealed while the database takes one.
 */
export const generateMembers = async (q: Q, keys: Keys, r: Random, branches: DemoBranch[], today: string): Promise<number> => {
  const pathOf = new Map(branches.map((b) => [b.id, b.path]));
  const pool = createSealPool(keys);
  const sealing: Promise<MemberInsert[]>[] = [];
  let batch: SealInput[] = [];
  let total = 0;
  const loadOldest = async () => loadMembers(q, await (sealing.shift() as Promise<MemberInsert[]>));
  try {
    await withIndexesDeferred(q, 'member', async () => {
      for (const { input, birth } of buildMembers(r, branches, today)) {
        batch.push({ input, birthDate: birth, orgPath: pathOf.get(input.orgId) });
        total++;
        if (batch.length < BATCH) continue;
        sealing.push(pool.seal(batch));
        batch = [];
        // Two batches ahead: the workers never wait for the database, nor memory for the workers.
        if (sealing.length > 2) await loadOldest();
      }
      if (batch.length > 0) sealing.push(pool.seal(batch));
      while (sealing.length > 0) await loadOldest();
    });
  } finally {
    // Batches still queued when the load failed: their failure is the one already thrown.
    for (const left of sealing) left.catch(() => {});
    await pool.close();
  }
  return total;
};
