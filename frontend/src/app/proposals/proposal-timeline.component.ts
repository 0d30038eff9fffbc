import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ProposalHistoryEntry } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { LocalDatePipe } from '../shared/local-date.pipe';

/** The history of the proposal (`GET /api/proposals/:id/history`), oldest first. */
@Component({
  selector: 'app-proposal-timeline',
  imports: [NzTimelineModule, LocalDatePipe, TranslatePipe],
  template: `
    @if (entries().length) {
      <nz-timeline>
        @for (entry of entries(); track entry.seq) {
          <nz-timeline-item>
            <div class="head">
              <strong>{{ 'event.name.' + entry.event | translate }}</strong>
              @if (entry.from !== entry.to) {
                <span class="move">
                  @if (entry.from) {
                    {{ 'state.' + entry.from | translate }} →
                  }
                  {{ 'state.' + entry.to | translate }}
                </span>
              }
            </div>
            <div class="meta">
              {{ entry.actor?.displayName ?? ('proposal.system' | translate) }} · {{ entry.at | localDate: 'medium' }}
            </div>
            @if (entry.comment) {
              <div class="comment">{{ entry.comment }}</div>
            }
          </nz-timeline-item>
        }
      </nz-timeline>
    } @else {
      <p class="empty">{{ 'proposal.noHistory' | translate }}</p>
    }
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .move,
    .meta,
    .empty {
      color: #595959;
    }
    .comment {
      white-space: pre-wrap;
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalTimelineComponent {
  readonly entries = input.required<readonly ProposalHistoryEntry[]>();
}
