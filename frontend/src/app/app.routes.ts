import { Routes } from '@angular/router';
import { authGuard, guestGuard, homeRedirectGuard, roleGuard } from './core/role.guard';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'auth.title',
    canMatch: [guestGuard],
    loadComponent: () => import('./auth/login-page.component').then((m) => m.LoginPageComponent),
  },
  {
    path: 'portal',
    loadChildren: () => import('./portal/portal.routes').then((m) => m.PORTAL_ROUTES),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canMatch: [homeRedirectGuard], children: [] },
      {
        path: 'delegate',
        canMatch: [roleGuard('delegate', 'delegation_head')],
        loadChildren: () => import('./delegate/delegate.routes').then((m) => m.DELEGATE_ROUTES),
      },
      {
        path: 'committee',
        canMatch: [roleGuard('committee')],
        loadChildren: () => import('./committee/committee.routes').then((m) => m.COMMITTEE_ROUTES),
      },
      {
        path: 'department',
        canMatch: [roleGuard('handler', 'dept_head')],
        loadChildren: () => import('./department/department.routes').then((m) => m.DEPARTMENT_ROUTES),
      },
      {
        path: 'leader',
        canMatch: [roleGuard('leader')],
        loadChildren: () => import('./leader/leader.routes').then((m) => m.LEADER_ROUTES),
      },
      {
        path: 'admin',
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'proposals/:id',
        title: 'proposal.title',
        loadComponent: () => import('./proposals/proposal-page.component').then((m) => m.ProposalPageComponent),
      },
      {
        path: 'inbox',
        title: 'inbox.title',
        loadComponent: () => import('./inbox/inbox-page.component').then((m) => m.InboxPageComponent),
      },
      {
        path: 'no-role',
        title: 'shell.noRoleTitle',
        loadComponent: () => import('./shell/no-role.component').then((m) => m.NoRoleComponent),
      },
      {
        path: '**',
        title: 'shell.notFoundTitle',
        loadComponent: () => import('./shell/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
