import { Routes } from '@angular/router';
import { DepartmentProposalsComponent } from './department-proposals.component';

export const DEPARTMENT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.department.title', component: DepartmentProposalsComponent },
  {
    path: 'requests',
    title: 'requests.title',
    data: { mode: 'department' },
    loadComponent: () =>
      import('../proposals/requests/proposal-requests-page.component').then((m) => m.ProposalRequestsPageComponent),
  },
];
