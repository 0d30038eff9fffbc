import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AreaPageComponent } from '../shared/area-page.component';

/** Landing page of the proposal committee: the review queue. */
@Component({
  selector: 'app-committee-home',
  imports: [AreaPageComponent],
  template: `
    <app-area-page
      titleKey="areas.committee.title"
      introKey="areas.committee.intro"
      [pointKeys]="['areas.committee.p1', 'areas.committee.p2']"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteeHomeComponent {}
