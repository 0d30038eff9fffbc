import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLOURS: Record<string, string> = {
  draft: 'default',
  cosigning: 'purple',
  delegationReview: 'purple',
  submitted: 'blue',
  accepted: 'cyan',
  classified: 'cyan',
  handling: 'orange',
  replied: 'geekblue',
  disputed: 'red',
  closed: 'green',
  rejected: 'default',
  merged: 'default',
  withdrawn: 'default',
};

/** A proposal's lifecycle state, translated. */
@Component({
  selector: 'app-state-tag',
  imports: [NzTagModule, TranslatePipe],
  template: `<nz-tag [nzColor]="colour()" data-testid="state-tag">{{ 'state.' + state() | translate }}</nz-tag>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StateTagComponent {
  readonly state = input.required<string>();
  protected readonly colour = computed(() => COLOURS[this.state().split('.')[0]] ?? 'default');
}
