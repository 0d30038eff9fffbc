import { Routes } from '@angular/router';
import { roleGuard } from '../core/role.guard';
import { AreaPageComponent } from '../shared/area-page.component';
import { DelegateHomeComponent } from './delegate-home.component';

/** Delegates and delegation heads; each page checks its own role. */
export const DELEGATE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'areas.delegate.title',
    canMatch: [roleGuard('delegate')],
    component: DelegateHomeComponent,
  },
  {
    path: 'invitations',
    title: 'areas.invitations.title',
    canMatch: [roleGuard('delegate')],
    component: AreaPageComponent,
    data: { titleKey: 'areas.invitations.title', introKey: 'areas.invitations.intro' },
  },
  {
    path: 'delegation-review',
    title: 'areas.delegationReview.title',
    canMatch: [roleGuard('delegation_head')],
    component: AreaPageComponent,
    data: { titleKey: 'areas.delegationReview.title', introKey: 'areas.delegationReview.intro' },
  },
];
