import { Role, User } from '../app/core/models';

export function userWith(roles: Role[], overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    username: 'delegate01',
    displayName: '张老师',
    email: null,
    phone: null,
    roles,
    language: 'zh-CN',
    delegationId: null,
    departmentIds: [],
    headOfDepartmentIds: [],
    leaderOfDepartmentIds: [],
    headOfDelegationIds: [],
    ...overrides,
  };
}
