import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './echarts-setup';

/** The committee's figures dashboard; ECharts (core and two chart types) loads with this chunk only. */
export const FIGURES_ROUTES: Routes = [
  {
    path: '',
    title: 'figures.title',
    providers: [provideEchartsCore({ echarts })],
    loadComponent: () => import('./figures-dashboard.component').then((m) => m.FiguresDashboardComponent),
  },
];
