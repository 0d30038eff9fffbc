import { Route, Routes } from '@angular/router';
import { AreaPageComponent } from '../shared/area-page.component';
import { AdminApiService } from './admin-api.service';
import { AdminHomeComponent } from './admin-home.component';

function placeholder(path: string, area: string): Route {
  return {
    path,
    title: `areas.${area}.title`,
    component: AreaPageComponent,
    data: { titleKey: `areas.${area}.title`, introKey: `areas.${area}.intro` },
  };
}

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
      placeholder('departments', 'departments'),
      placeholder('delegations', 'delegations'),
      placeholder('sessions', 'sessions'),
      placeholder('categories', 'categories'),
      placeholder('calendar', 'calendar'),
    ],
  },
];
