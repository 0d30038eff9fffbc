import { Routes } from '@angular/router';
import { DepartmentHomeComponent } from './department-home.component';

export const DEPARTMENT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.department.title', component: DepartmentHomeComponent },
];
