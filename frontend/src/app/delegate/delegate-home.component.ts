import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AreaPageComponent } from '../shared/area-page.component';

/** Landing page of the delegate area: what a delegate does here. */
@Component({
  selector: 'app-delegate-home',
  imports: [AreaPageComponent],
  template: `
    <app-area-page
      titleKey="areas.delegate.title"
      introKey="areas.delegate.intro"
      [pointKeys]="['areas.delegate.p1', 'areas.delegate.p2', 'areas.delegate.p3']"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegateHomeComponent {}
