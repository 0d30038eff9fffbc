import { Routes } from '@angular/router';
import { PortalHomeComponent } from './portal-home.component';

/** Public: no guard, no login. Data comes only from `/api/public/...`. */
export const PORTAL_ROUTES: Routes = [
  {
    path: '',
    component: PortalHomeComponent,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'portal.title',
        loadComponent: () => import('./portal-proposals.component').then((m) => m.PortalProposalsComponent),
      },
      {
        path: 'figures',
        title: 'portal.nav.figures',
        loadComponent: () => import('./portal-figures.component').then((m) => m.PortalFiguresComponent),
      },
      {
        path: 'proposals/:id',
        title: 'portal.title',
        loadComponent: () => import('./portal-proposal.component').then((m) => m.PortalProposalComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
