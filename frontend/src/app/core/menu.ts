import { Role } from './models';

export interface MenuItem {
  /** translation key of the label */
  label: string;
  link: string;
  icon: string;
  /** active only on this exact URL (area roots) */
  exact?: boolean;
}

export interface MenuGroup {
  /** translation key of the group title */
  title: string;
  /** where `/` sends someone whose first group this is */
  home: string;
  items: MenuItem[];
}

interface GroupDefinition extends MenuGroup {
  roles: readonly Role[];
}

const GROUPS: readonly GroupDefinition[] = [
  {
    title: 'menu.groups.delegate',
    roles: ['delegate'],
    home: '/delegate',
    items: [
      { label: 'menu.myProposals', link: '/delegate', icon: 'file-text', exact: true },
      { label: 'menu.cosignInvitations', link: '/delegate/invitations', icon: 'team' },
    ],
  },
  {
    title: 'menu.groups.delegation_head',
    roles: ['delegation_head'],
    home: '/delegate/delegation-review',
    items: [{ label: 'menu.delegationReview', link: '/delegate/delegation-review', icon: 'audit' }],
  },
  {
    title: 'menu.groups.committee',
    roles: ['committee'],
    home: '/committee',
    items: [
      { label: 'menu.reviewQueue', link: '/committee', icon: 'inbox', exact: true },
      { label: 'menu.supervision', link: '/committee/supervision', icon: 'alert' },
      { label: 'menu.requests', link: '/committee/requests', icon: 'field-time' },
      { label: 'menu.disputed', link: '/committee/disputed', icon: 'exclamation-circle' },
      { label: 'menu.publishing', link: '/committee/publishing', icon: 'global' },
      { label: 'menu.sessionRules', link: '/committee/rules', icon: 'setting' },
      { label: 'menu.figures', link: '/committee/figures', icon: 'bar-chart' },
    ],
  },
  {
    title: 'menu.groups.department',
    roles: ['handler', 'dept_head'],
    home: '/department',
    items: [
      { label: 'menu.assignedProposals', link: '/department', icon: 'solution', exact: true },
      { label: 'menu.requests', link: '/department/requests', icon: 'field-time' },
    ],
  },
  {
    title: 'menu.groups.leader',
    roles: ['leader'],
    home: '/leader',
    items: [{ label: 'menu.myDepartments', link: '/leader', icon: 'eye', exact: true }],
  },
  {
    title: 'menu.groups.admin',
    roles: ['admin'],
    home: '/admin',
    items: [
      { label: 'menu.users', link: '/admin/users', icon: 'user' },
      { label: 'menu.departments', link: '/admin/departments', icon: 'apartment' },
      { label: 'menu.delegations', link: '/admin/delegations', icon: 'team' },
      { label: 'menu.sessions', link: '/admin/sessions', icon: 'setting' },
      { label: 'menu.categories', link: '/admin/categories', icon: 'tags' },
      { label: 'menu.calendar', link: '/admin/calendar', icon: 'calendar' },
      { label: 'menu.rosterImport', link: '/admin/roster-import', icon: 'upload' },
    ],
  },
];

/** The side menu for a user holding `roles`, in a fixed order whatever the order of the roles. */
export function buildMenu(roles: readonly Role[]): MenuGroup[] {
  return GROUPS.filter((group) => group.roles.some((role) => roles.includes(role))).map(
    ({ title, home, items }) => ({ title, home, items: items.map((item) => ({ ...item })) }),
  );
}

/** The landing page of the first area the roles open, or null for a user without roles. */
export function homeLink(roles: readonly Role[]): string | null {
  return buildMenu(roles)[0]?.home ?? null;
}
