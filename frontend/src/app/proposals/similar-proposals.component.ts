import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { SimilarProposal } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { ProposalsApi } from './data/proposals-api.service';
import { StateTagComponent } from './state-tag.component';

/** Similar proposals of this and past sessions with their replies, beside the one under review (before a merge). */
@Component({
  selector: 'app-similar-proposals',
  imports: [RouterLink, StateTagComponent, LocalDatePipe, TranslatePipe],
  template: `
    @if (similar.value().length) {
      <ul class="list" data-testid="similar-proposals">
        @for (s of similar.value(); track s.id) {
          <li>
            <a [routerLink]="['/proposals', s.id]">{{ s.title }}</a>
            <div class="meta"><app-state-tag [state]="s.state" /> {{ s.number ?? '' }}</div>
            @if (s.reply) {
              <p class="reply">
                {{ 'event.option.grade.' + s.reply.grade | translate }}
                @if (s.reply.repliedAt) {
                  · {{ s.reply.repliedAt | localDate }}
                }
                <br />
                {{ s.reply.content }}
              </p>
            }
          </li>
        }
      </ul>
    } @else if (!similar.isLoading()) {
      <p class="meta">{{ 'proposal.noSimilar' | translate }}</p>
    }
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 8px;
    }
    .list li {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 10px;
    }
    .meta {
      color: #595959;
      font-size: 13px;
    }
    .reply {
      white-space: pre-wrap;
      font-size: 13px;
      margin: 6px 0 0;
      max-height: 9em;
      overflow: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SimilarProposalsComponent {
  private readonly api = inject(ProposalsApi);
  readonly proposalId = input.required<string>();

  protected readonly similar = rxResource({
    params: () => this.proposalId(),
    stream: ({ params }) => this.api.similarTo(params).pipe(catchError(() => of([] as SimilarProposal[]))),
    defaultValue: [] as SimilarProposal[],
  });
}
