import { Routes } from '@angular/router';
import { LeaderProposalsComponent } from './leader-proposals.component';

export const LEADER_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.leader.title', component: LeaderProposalsComponent },
];
