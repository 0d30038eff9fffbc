import { Routes } from '@angular/router';
import { roleGuard } from '../core/role.guard';
import { MyProposalsComponent } from './my-proposals.component';

/** Delegates and delegation heads; each page checks its own role. */
export const DELEGATE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'areas.delegate.title',
    canMatch: [roleGuard('delegate')],
    component: MyProposalsComponent,
  },
  {
    path: 'proposals/new',
    title: 'editor.newTitle',
    canMatch: [roleGuard('delegate')],
    loadComponent: () => import('./editor/proposal-editor.component').then((m) => m.ProposalEditorComponent),
  },
  {
    path: 'proposals/:id/edit',
    title: 'editor.editTitle',
    canMatch: [roleGuard('delegate')],
    loadComponent: () => import('./editor/proposal-editor.component').then((m) => m.ProposalEditorComponent),
  },
  {
    path: 'invitations',
    title: 'areas.invitations.title',
    canMatch: [roleGuard('delegate')],
    loadComponent: () => import('./invitations.component').then((m) => m.InvitationsComponent),
  },
  {
    path: 'delegation-review',
    title: 'areas.delegationReview.title',
    canMatch: [roleGuard('delegation_head')],
    loadComponent: () => import('../proposals/proposal-queue-page.component').then((m) => m.ProposalQueuePageComponent),
    data: {
      titleKey: 'areas.delegationReview.title',
      introKey: 'areas.delegationReview.intro',
      query: { state: 'delegationReview', sort: 'submittedAt' },
    },
  },
];
