/**
 * The 5 stages / 25 steps of 《中国共产党发展党员工作细则》(中办 2014) as the national flowchart
 * numbers them (共产党员网; RULES.md §1a). `by` says which side records the step: the branch, or the
 * 基层党委 with approval power above it.
 */
export interface StepDef {
  no: number;
  stage: 1 | 2 | 3 | 4 | 5;
  name: string;
  by: 'branch' | 'committee';
}

export const STAGE_NAMES = [
  '',
  '申请入党',
  '入党积极分子的确定和培养教育',
  '发展对象的确定和考察',
  '预备党员的接收',
  '预备党员的教育考察和转正',
] as const;

export const STEPS: readonly StepDef[] = [
  { no: 1, stage: 1, name: '递交入党申请书', by: 'branch' },
  { no: 2, stage: 1, name: '党组织派人谈话', by: 'branch' },
  { no: 3, stage: 2, name: '推荐和确定入党积极分子', by: 'branch' },
  { no: 4, stage: 2, name: '上级党委备案', by: 'committee' },
  { no: 5, stage: 2, name: '指定培养联系人', by: 'branch' },
  { no: 6, stage: 2, name: '培养教育考察', by: 'branch' },
  { no: 7, stage: 3, name: '确定发展对象', by: 'branch' },
  { no: 8, stage: 3, name: '报上级党委备案', by: 'committee' },
  { no: 9, stage: 3, name: '确定入党介绍人', by: 'branch' },
  { no: 10, stage: 3, name: '进行政治审查', by: 'branch' },
  { no: 11, stage: 3, name: '开展集中培训', by: 'committee' },
  { no: 12, stage: 4, name: '支部委员会审查', by: 'branch' },
  { no: 13, stage: 4, name: '上级党委预审', by: 'committee' },
  { no: 14, stage: 4, name: '填写入党志愿书', by: 'branch' },
  { no: 15, stage: 4, name: '支部大会讨论', by: 'branch' },
  { no: 16, stage: 4, name: '上级党委派人谈话', by: 'committee' },
  { no: 17, stage: 4, name: '上级党委审批', by: 'committee' },
  { no: 18, stage: 4, name: '再上一级党委组织部门备案', by: 'committee' },
  { no: 19, stage: 5, name: '编入党支部和党小组', by: 'branch' },
  { no: 20, stage: 5, name: '入党宣誓', by: 'branch' },
  { no: 21, stage: 5, name: '继续教育考察', by: 'branch' },
  { no: 22, stage: 5, name: '提出转正申请', by: 'branch' },
  { no: 23, stage: 5, name: '支部大会讨论', by: 'branch' },
  { no: 24, stage: 5, name: '上级党委审批', by: 'committee' },
  { no: 25, stage: 5, name: '材料归档', by: 'branch' },
];

export const stepDef = (no: number): StepDef | undefined => STEPS[no - 1];
