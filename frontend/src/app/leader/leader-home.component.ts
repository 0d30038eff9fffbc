import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AreaPageComponent } from '../shared/area-page.component';

/** Landing page of a leader in charge: the departments it oversees. */
@Component({
  selector: 'app-leader-home',
  imports: [AreaPageComponent],
  template: `<app-area-page titleKey="areas.leader.title" introKey="areas.leader.intro" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeaderHomeComponent {}
