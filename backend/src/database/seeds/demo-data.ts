import type { Role } from '@congress/api-types';

/** The demo university's people and structure (issue 2, item 7). Names are invented. */
export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  delegation?: string;
  label: string;
}

export const DEMO_CATEGORIES: [name: string, nameEn: string][] = [
  ['教学与人才培养', 'Teaching and talent development'],
  ['科研与学科建设', 'Research and disciplines'],
  ['人事与薪酬福利', 'Personnel, pay and benefits'],
  ['财务与资产', 'Finance and assets'],
  ['后勤与校园建设', 'Logistics and campus development'],
  ['民主管理与校务公开', 'Democratic management and openness'],
  ['学生工作', 'Student affairs'],
  ['其他', 'Other'],
];

export const DEMO_DEPARTMENTS: { code: string; name: string; nameEn: string; handler: string; head: string }[] = [
  { code: 'jwc', name: '教务处', nameEn: 'Office of Academic Affairs', handler: '林晓燕', head: '周建国' },
  { code: 'rsc', name: '人事处', nameEn: 'Human Resources Office', handler: '郭思远', head: '何丽华' },
  { code: 'cwc', name: '财务处', nameEn: 'Finance Office', handler: '罗静怡', head: '高志强' },
  { code: 'hqc', name: '后勤管理处', nameEn: 'Logistics Management Office', handler: '梁文博', head: '宋海涛' },
  { code: 'kyc', name: '科研处', nameEn: 'Office of Research', handler: '谢雨桐', head: '韩立新' },
  { code: 'xgb', name: '学生工作部', nameEn: 'Student Affairs Department', handler: '唐晓东', head: '冯雪梅' },
];

export const DEMO_DELEGATIONS: { code: string; name: string; nameEn: string; delegates: number[] }[] = [
  { code: 'wxy', name: '文学院代表团', nameEn: 'School of Liberal Arts delegation', delegates: [1, 2, 3, 4] },
  { code: 'lxy', name: '理学院代表团', nameEn: 'School of Science delegation', delegates: [5, 6, 7, 8] },
  { code: 'jghq', name: '机关后勤代表团', nameEn: 'Administration and logistics delegation', delegates: [9, 10, 11, 12] },
];
const HEADS = [1, 5, 9];
const DELEGATE_NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐明', '孙丽'];

export const DEMO_SESSION = {
  term: 5,
  meeting: 3,
  title: '第五届教职工代表大会第三次会议',
  titleEn: 'Third Meeting of the Fifth Faculty and Staff Congress',
};

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'admin', displayName: '系统管理员', roles: ['admin'], label: 'admin' },
    { username: 'committee1', displayName: '钱文华', roles: ['committee'], label: 'committee 提案工作委员会' },
    { username: 'committee2', displayName: '马琳', roles: ['committee'], label: 'committee 提案工作委员会' },
    { username: 'leader1', displayName: '郑国华', roles: ['leader'], label: 'leader 分管校领导, in charge of all six departments' },
  ];
  for (const d of DEMO_DEPARTMENTS) {
    users.push({ username: `${d.code}.handler`, displayName: d.handler, roles: ['handler'], label: `handler 承办人, ${d.name}` });
    users.push({ username: `${d.code}.head`, displayName: d.head, roles: ['dept_head'], label: `dept_head 部门负责人, ${d.name}` });
  }
  DELEGATE_NAMES.forEach((displayName, i) => {
    const n = i + 1;
    const delegation = DEMO_DELEGATIONS.find((g) => g.delegates.includes(n))!;
    const head = HEADS.includes(n);
    users.push({
      username: `delegate${String(n).padStart(2, '0')}`,
      displayName,
      roles: head ? ['delegate', 'delegation_head'] : ['delegate'],
      delegation: delegation.code,
      label: head ? `delegate and delegation_head 团长, ${delegation.name}` : `delegate 代表, ${delegation.name}`,
    });
  });
  return users;
}
