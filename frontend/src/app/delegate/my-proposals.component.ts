import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ProposalListQuery } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { ProposalTableComponent } from '../proposals/proposal-table.component';

/** The states a delegate filters its proposals by (prefix-matched by the server); '' is all. */
export const MY_STATE_FILTERS = ['', 'draft', 'cosigning', 'submitted', 'handling', 'replied', 'closed'] as const;

/** A delegate's proposals, as lead proposer or co-signer, by state. */
@Component({
  selector: 'app-my-proposals',
  imports: [FormsModule, RouterLink, NzButtonModule, NzRadioModule, ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="mine-title">
      <div class="head">
        <h1 id="mine-title">{{ 'areas.delegate.title' | translate }}</h1>
        <a nz-button nzType="primary" routerLink="/delegate/proposals/new" data-testid="new-proposal">{{ 'delegate.newProposal' | translate }}</a>
      </div>
      <p>{{ 'areas.delegate.intro' | translate }}</p>
      <ul class="points">
        <li>{{ 'areas.delegate.p1' | translate }}</li>
        <li>{{ 'areas.delegate.p2' | translate }}</li>
        <li>{{ 'areas.delegate.p3' | translate }}</li>
      </ul>
      <div class="filter">
        <span id="state-filter-label">{{ 'lists.stateFilter' | translate }}</span>
        <nz-radio-group
          nzButtonStyle="solid"
          aria-labelledby="state-filter-label"
          role="radiogroup"
          [ngModel]="state()"
          (ngModelChange)="state.set($event)"
        >
          @for (s of filters; track s) {
            <label nz-radio-button [nzValue]="s">{{ (s ? 'state.' + s : 'lists.all') | translate }}</label>
          }
        </nz-radio-group>
      </div>
      <app-proposal-table [query]="query()" emptyKey="delegate.noProposals" />
    </section>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .points {
      padding-left: 20px;
      line-height: 1.8;
    }
    .filter {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 12px 0;
    }
    nz-radio-group {
      display: flex;
      flex-wrap: wrap;
      row-gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyProposalsComponent {
  protected readonly filters = MY_STATE_FILTERS;
  protected readonly state = signal<string>('');
  protected readonly query = computed<ProposalListQuery>(() => ({ mine: true, state: this.state() || undefined, sort: '-updatedAt' }));
}
