import { Routes } from '@angular/router';
import { DepartmentProposalsComponent } from './department-proposals.component';

export const DEPARTMENT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.department.title', component: DepartmentProposalsComponent },
];
