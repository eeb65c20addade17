import { addMonths, addYears } from '../dates.js';
import { MIN_FULL_MEMBERS_PER_BRANCH, STANDING_BRANCH_TYPES } from './org.rules.js';
import { ORG_TYPE_LABELS, type OrgType } from './org.schema.js';

/**
 * How an org is set up, checked against the 条例 (RULES.md §2): member thresholds, committees,
 * joint branches, terms. Each finding has a stable code and quotes its rule.
 */
export interface SetupFinding {
  code: string;
  message: string;
}

export interface OrgSetupFacts {
  type: OrgType;
  domain: string;
  /** 正式党员 (the branch and committee thresholds count these). */
  fullMembers: number;
  /** All members, 预备党员 included (the 总支 and 党委 thresholds count these). */
  members: number;
  /** Members of the elected committee, null when the org has none, undefined when not recorded (no committee checks). */
  committeeSize?: number | null;
  /** Units a 联合党支部 covers. */
  units?: number;
  /** A county- or higher-level 地方党委 is not a grassroots org: no thresholds apply. */
  isLocalCommittee?: boolean;
}

export const BRANCH_MAX_MEMBERS = 50;
export const COMMITTEE_REQUIRED_FROM = 7;
export const JOINT_BRANCH_MAX_UNITS = 5;

export const setupFindings = (o: OrgSetupFacts): SetupFinding[] => {
  const out: SetupFinding[] = [];
  const isBranch = STANDING_BRANCH_TYPES.includes(o.type);
  if (isBranch && o.fullMembers < MIN_FULL_MEMBERS_PER_BRANCH) {
    out.push({
      code: 'setup.branch_few_full',
      message: `正式党员${o.fullMembers}名，不足${MIN_FULL_MEMBERS_PER_BRANCH}名：正式党员${MIN_FULL_MEMBERS_PER_BRANCH}人以上的应当成立党支部，不足${MIN_FULL_MEMBERS_PER_BRANCH}人的可与邻近单位成立联合党支部（《中国共产党支部工作条例（试行）》第四条、第五条）`,
    });
  }
  if (isBranch && o.members > BRANCH_MAX_MEMBERS) {
    out.push({
      code: 'setup.branch_too_large',
      message: `党员${o.members}名：党支部党员人数一般不超过${BRANCH_MAX_MEMBERS}人（条例第四条）`,
    });
  }
  if (isBranch && o.fullMembers >= COMMITTEE_REQUIRED_FROM && o.committeeSize === null) {
    out.push({
      code: 'setup.committee_missing',
      message: `正式党员${o.fullMembers}名，未设支部委员会：正式党员${COMMITTEE_REQUIRED_FROM}人以上的党支部应当设立支部委员会（条例第六章）`,
    });
  }
  if (typeof o.committeeSize === 'number' && o.type !== 'committee' && o.type !== 'working_committee') {
    if (isBranch && o.fullMembers < COMMITTEE_REQUIRED_FROM) {
      out.push({
        code: 'setup.committee_not_needed',
        message: `正式党员${o.fullMembers}名却设有支部委员会：不足${COMMITTEE_REQUIRED_FROM}人的党支部不设支部委员会，设书记1名，必要时设副书记1名（条例第六章）`,
      });
    } else if (o.committeeSize < 3 || o.committeeSize > 7) {
      out.push({
        code: 'setup.committee_size',
        message: `支部委员会${o.committeeSize}人：支部委员会由3至5人组成，一般不超过7人（条例第六章）`,
      });
    }
  }
  if (o.type === 'joint_branch' && (o.units ?? 0) > JOINT_BRANCH_MAX_UNITS) {
    out.push({
      code: 'setup.joint_units',
      message: `联合党支部覆盖${o.units}个单位：联合党支部覆盖单位一般不超过${JOINT_BRANCH_MAX_UNITS}个（条例第五条）`,
    });
  }
  if (o.type === 'general_branch' && o.members < 50) {
    out.push({
      code: 'setup.general_branch_small',
      message: `党员${o.members}名：党员50人以上、100人以下的设立党总支，人数较少的须经上级党组织批准（机关基层组织工作条例第五条至第七条）`,
    });
  }
  if (o.type === 'general_branch' && o.members >= 100) {
    out.push({
      code: 'setup.general_branch_large',
      message: `党员${o.members}名：党员100人以上的，一般设立基层党委（机关基层组织工作条例第五条至第七条）`,
    });
  }
  if ((o.type === 'committee' || o.type === 'working_committee') && !o.isLocalCommittee && o.members < 100) {
    out.push({
      code: 'setup.committee_small',
      message: `党员${o.members}名：党员100人以上的设立基层党委，人数较少的须经上级党组织批准（机关基层组织工作条例第五条至第七条；农村基层组织工作条例）`,
    });
  }
  return out;
};

/**
 * Term of office (中办《关于党的基层组织任期的意见》2018): 5 years for 村 and 社区 orgs and for a
 * 基层党委; 3 years for other 党支部 and 党总支.
 */
export const termYears = (o: { type: OrgType; domain: string }): number =>
  o.domain === 'village' || o.domain === 'community' || o.type === 'committee' || o.type === 'working_committee' ? 5 : 3;

/** 换届 may be advanced or delayed by the 上级 by generally no more than a year (选举工作条例 Art. 3). */
export const MAX_TERM_ADJUSTMENT_MONTHS = 12;
/** The 上级 reminds a branch 6 months before its term ends (RULES.md §2, confidence med). */
export const TERM_REMINDER_MONTHS = 6;

export interface TermStatus {
  endsAt: string;
  status: 'ok' | 'due_soon' | 'overdue';
  finding: SetupFinding | null;
}

/** Where a committee's term stands on `asOf`; `adjustmentMonths` is an approved advance (<0) or delay (>0). */
export const termStatus = (o: { type: OrgType; domain: string }, electedAt: string, asOf: string, adjustmentMonths = 0): TermStatus => {
  const years = termYears(o);
  const endsAt = addMonths(addYears(electedAt, years), adjustmentMonths);
  const what = `${ORG_TYPE_LABELS[o.type]}${electedAt}选举产生，任期${years}年${adjustmentMonths ? `（经批准${adjustmentMonths > 0 ? '延期' : '提前'}${Math.abs(adjustmentMonths)}个月）` : ''}`;
  if (endsAt <= asOf) {
    return {
      endsAt,
      status: 'overdue',
      finding: { code: 'term.overdue', message: `${what}，应于${endsAt}换届，已逾期（中办《关于党的基层组织任期的意见》）` },
    };
  }
  if (addMonths(endsAt, -TERM_REMINDER_MONTHS) <= asOf) {
    return { endsAt, status: 'due_soon', finding: { code: 'term.due_soon', message: `${what}，将于${endsAt}届满，请提前做好换届准备` } };
  }
  return { endsAt, status: 'ok', finding: null };
};
