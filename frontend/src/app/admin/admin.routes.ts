import { Routes } from '@angular/router';
import { AdminApiService } from './admin-api.service';
import { AdminHomeComponent } from './admin-home.component';

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    providers: [AdminApiService],
    children: [
      { path: '', pathMatch: 'full', title: 'areas.admin.title', component: AdminHomeComponent },
      {
        path: 'users',
        title: 'admin.users.title',
        loadComponent: () => import('./users-page.component').then((m) => m.UsersPageComponent),
      },
      {
        path: 'roster-import',
        title: 'admin.roster.title',
        loadComponent: () =>
          import('./roster-import-page.component').then((m) => m.RosterImportPageComponent),
      },
      {
        path: 'departments',
        title: 'areas.departments.title',
        loadComponent: () => import('./departments-page.component').then((m) => m.DepartmentsPageComponent),
      },
      {
        path: 'delegations',
        title: 'areas.delegations.title',
        loadComponent: () => import('./delegations-page.component').then((m) => m.DelegationsPageComponent),
      },
      {
        path: 'sessions',
        title: 'areas.sessions.title',
        loadComponent: () => import('./sessions-page.component').then((m) => m.SessionsPageComponent),
      },
      {
        path: 'categories',
        title: 'areas.categories.title',
        loadComponent: () => import('./categories-page.component').then((m) => m.CategoriesPageComponent),
      },
      {
        path: 'calendar',
        title: 'areas.calendar.title',
        loadComponent: () => import('./calendar-page.component').then((m) => m.CalendarPageComponent),
      },
    ],
  },
];
