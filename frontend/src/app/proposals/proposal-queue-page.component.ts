import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ProposalListQuery } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { ProposalTableComponent } from './proposal-table.component';

/** A page that is one fixed list of proposals, configured from route data (title, intro, query). */
@Component({
  selector: 'app-proposal-queue-page',
  imports: [ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="queue-title">
      <h1 id="queue-title">{{ titleKey() | translate }}</h1>
      <p>{{ introKey() | translate }}</p>
      <app-proposal-table [query]="query()" [showDue]="!!showDue()" [showDepartment]="!!showDue()" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalQueuePageComponent {
  readonly titleKey = input.required<string>();
  readonly introKey = input.required<string>();
  readonly query = input.required<ProposalListQuery>();
  readonly showDue = input<boolean | undefined>(false);
}
