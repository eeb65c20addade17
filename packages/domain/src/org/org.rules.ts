import { isWithin, type OrgPath } from '../access/access.js';
import { DomainError } from '../errors.js';
import type { OrgType } from './org.schema.js';

/**
 * 党支部 of every kind (《中国共产党支部工作条例（试行）》第五条: 党支部, 联合党支部, and 临时党支部
 * for a temporary task): they hold members directly, hold the branch meetings and cannot have
 * sub-organizations (only 党小组). The one definition of "a branch"; SQL builds its list from it.
 */
export const BRANCH_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];

/**
 * The standing branches: every branch but a 临时党支部. A 临时党组织 is set up for a temporary task
 * (条例第五条), cannot receive or approve 预备党员 (RULES.md §2; 共产党员网 Q&A) and is not held to the
 * setup thresholds of a branch (条例第四条: 3 or more 正式党员, up to 50 members; 7 for a 支委会).
 * Used where those rules apply: admitting applicants, the setup findings and figures.
 */
export const STANDING_BRANCH_TYPES: readonly OrgType[] = BRANCH_TYPES.filter((t) => t !== 'temporary_branch');

/**
 * Which types may sit under which. 《中国共产党章程》第三十条 and 《中国共产党支部工作条例（试行）》
 * 第五条: 党委 and 党工委 lead 总支 and 支部; a 总支 leads 支部; a 支部 has only 党小组 beneath it.
 */
export const mayParent = (parent: OrgType, child: OrgType): boolean => {
  if (BRANCH_TYPES.includes(parent)) return false;
  if (parent === 'general_branch') return BRANCH_TYPES.includes(child);
  return true;
};

/** Refuses a parent/child pair the charter does not allow, naming both types in Chinese. */
export const assertMayParent = (parent: OrgType, child: OrgType, labels: Record<OrgType, string>) => {
  if (!mayParent(parent, child)) {
    throw new DomainError(
      'RULE_VIOLATION',
      `${labels[parent]}下不能设立${labels[child]}（《中国共产党支部工作条例（试行）》第五条：党支部下只设党小组，党总支下只设党支部）`,
    );
  }
};

/** Moving `org` under `newParent` must not put it beneath itself. */
export const assertNoCycle = (orgPath: OrgPath, newParentPath: OrgPath) => {
  if (isWithin(orgPath, newParentPath)) {
    throw new DomainError('ORG_MOVE_CYCLE', '不能把党组织移动到它自己或它的下级组织之下');
  }
};

/** The path of a child under `parentPath`. */
export const childPath = (parentPath: OrgPath | null, id: number): OrgPath => (parentPath ? `${parentPath}.${id}` : String(id));

/** Ids along a path, root first. */
export const pathIds = (path: OrgPath): number[] => path.split('.').map(Number);

/** The parent's path (`1.2.3` → `1.2`); the root's is itself. */
export const parentPath = (path: OrgPath): OrgPath => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : path);

/**
 * A 党支部 needs at least 3 正式党员 (《中国共产党支部工作条例（试行）》第五条: 有正式党员3人以上的，
 * 应当成立党支部); with fewer it should join others in a 联合党支部.
 */
export const MIN_FULL_MEMBERS_PER_BRANCH = 3;

/**
 * A 基层党委 over a branch: a 党委 or 党工委 above it that is not a village's or community's own
 * (those sit under the township, which acts for them). It approves 预备党员 (RULES.md §1d) and
 * recommends the 「光荣在党50年」 medal (§4).
 */
export const isBasicCommitteeOver = (org: { type: string; domain: string; path: string }, branchPath: string): boolean =>
  (org.type === 'committee' || org.type === 'working_committee') &&
  org.domain !== 'village' &&
  org.domain !== 'community' &&
  branchPath.startsWith(`${org.path}.`);

/**
 * Division code lengths (GB/T 2260 with the NBS 统计用区划代码): 6 digits a county or above, 9 a
 * township (乡、镇、苏木、街道), 12 a village or community.
 */
export const DIVISION_CODE_DIGITS = { county: 6, township: 9, village: 12 } as const;

/**
 * The unit an org is ranked within for "乡镇内排名" (评星定级): its nearest ancestor carrying a
 * township-level division code; an org outside the township tree (市直机关、国企、学校) ranks within
 * its parent. `ancestors` nearest first, the org itself excluded.
 */
export const rankingUnitOf = <O extends { divisionCode: string | null }>(ancestors: readonly O[]): O | undefined =>
  ancestors.find((a) => a.divisionCode?.length === DIVISION_CODE_DIGITS.township) ?? ancestors[0];
