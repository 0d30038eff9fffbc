import { Routes } from '@angular/router';
import { AreaPageComponent } from '../shared/area-page.component';
import { CommitteeHomeComponent } from './committee-home.component';

export const COMMITTEE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.committee.title', component: CommitteeHomeComponent },
  {
    path: 'supervision',
    title: 'areas.supervision.title',
    component: AreaPageComponent,
    data: { titleKey: 'areas.supervision.title', introKey: 'areas.supervision.intro' },
  },
  {
    path: 'figures',
    title: 'areas.figures.title',
    component: AreaPageComponent,
    data: { titleKey: 'areas.figures.title', introKey: 'areas.figures.intro' },
  },
];
