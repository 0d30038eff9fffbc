import { Routes } from '@angular/router';
import { ReviewQueueComponent } from './review-queue.component';

export const COMMITTEE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.committee.title', component: ReviewQueueComponent },
  {
    path: 'supervision',
    title: 'areas.supervision.title',
    loadComponent: () => import('./supervision.component').then((m) => m.SupervisionComponent),
  },
  {
    path: 'requests',
    title: 'requests.title',
    data: { mode: 'committee' },
    loadComponent: () =>
      import('../proposals/requests/proposal-requests-page.component').then((m) => m.ProposalRequestsPageComponent),
  },
  {
    path: 'disputed',
    title: 'disputed.title',
    loadComponent: () => import('./disputed.component').then((m) => m.DisputedComponent),
  },
  {
    path: 'publishing',
    title: 'committee.publishing.title',
    loadComponent: () => import('./publishing.component').then((m) => m.PublishingComponent),
  },
  {
    path: 'rules',
    title: 'committee.rules.title',
    loadComponent: () => import('./session-rules.component').then((m) => m.SessionRulesComponent),
  },
  {
    path: 'figures',
    loadChildren: () => import('./figures/figures.routes').then((m) => m.FIGURES_ROUTES),
  },
];
