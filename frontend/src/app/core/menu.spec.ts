import { buildMenu, homeLink } from './menu';

const labels = (roles: Parameters<typeof buildMenu>[0]) =>
  buildMenu(roles).flatMap((group) => group.items.map((item) => item.label));

describe('the side menu built from roles', () => {
  it('gives a delegate their proposals and co-sign invitations', () => {
    expect(labels(['delegate'])).toEqual(['menu.myProposals', 'menu.cosignInvitations']);
  });

  it('adds delegation review for a delegation head', () => {
    expect(labels(['delegate', 'delegation_head'])).toEqual([
      'menu.myProposals',
      'menu.cosignInvitations',
      'menu.delegationReview',
    ]);
  });

  it('gives the committee its queue, supervision, requests, disputed evaluations, publishing, session rules and figures', () => {
    expect(labels(['committee'])).toEqual([
      'menu.reviewQueue',
      'menu.supervision',
      'menu.requests',
      'menu.disputed',
      'menu.publishing',
      'menu.sessionRules',
      'menu.figures',
    ]);
  });

  it('shows the assigned proposals and the requests once to someone who is both handler and head', () => {
    expect(labels(['handler', 'dept_head'])).toEqual(['menu.assignedProposals', 'menu.requests']);
    expect(labels(['dept_head'])).toEqual(['menu.assignedProposals', 'menu.requests']);
  });

  it('gives a leader their departments', () => {
    expect(labels(['leader'])).toEqual(['menu.myDepartments']);
  });

  it('gives the administrator every administration page', () => {
    expect(labels(['admin'])).toEqual([
      'menu.users',
      'menu.departments',
      'menu.delegations',
      'menu.sessions',
      'menu.categories',
      'menu.calendar',
      'menu.rosterImport',
    ]);
  });

  it('keeps one fixed order of areas whatever the order of the roles', () => {
    const titles = buildMenu(['admin', 'leader', 'committee', 'delegate']).map((group) => group.title);
    expect(titles).toEqual(['menu.groups.delegate', 'menu.groups.committee', 'menu.groups.leader', 'menu.groups.admin']);
  });

  it('shows nothing of other roles and nothing at all without a role', () => {
    expect(labels(['leader'])).not.toContain('menu.users');
    expect(buildMenu([])).toEqual([]);
  });

  it('sends each user home to the first area of their roles', () => {
    expect(homeLink(['admin', 'committee'])).toBe('/committee');
    expect(homeLink(['delegation_head'])).toBe('/delegate/delegation-review');
    expect(homeLink(['handler'])).toBe('/department');
    expect(homeLink(['admin'])).toBe('/admin');
    expect(homeLink([])).toBeNull();
  });
});
