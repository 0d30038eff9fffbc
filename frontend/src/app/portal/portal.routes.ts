import { Routes } from '@angular/router';
import { PortalHomeComponent } from './portal-home.component';

/** Public: no guard, no login. Data comes only from `/api/public/...`. */
export const PORTAL_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'areas.portal.title', component: PortalHomeComponent },
  { path: '**', redirectTo: '' },
];
