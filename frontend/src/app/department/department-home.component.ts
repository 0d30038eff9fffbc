import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AreaPageComponent } from '../shared/area-page.component';

/** Landing page of handlers and department heads: the proposals assigned to their department. */
@Component({
  selector: 'app-department-home',
  imports: [AreaPageComponent],
  template: `
    <app-area-page
      titleKey="areas.department.title"
      introKey="areas.department.intro"
      [pointKeys]="['areas.department.p1']"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentHomeComponent {}
