import { Routes } from '@angular/router';
import { LeaderHomeComponent } from './leader-home.component';

export const LEADER_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.leader.title', component: LeaderHomeComponent },
];
