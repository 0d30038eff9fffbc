import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { ProposalDetail, ProposalSummary } from '@congress/api-types';
import type { EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { ProposalsApi } from '../proposals/data/proposals-api.service';
import { EventDialogComponent, EventRequestIntent } from '../proposals/event-dialog.component';
import { LocalDatePipe } from '../shared/local-date.pipe';

const ANSWERS: readonly EventType[] = ['COSIGN', 'DECLINE_COSIGN'];

/** Co-sign invitations (accept or decline, from `availableEvents`) and other delegates' proposals open to co-sign. */
@Component({
  selector: 'app-invitations',
  imports: [RouterLink, NzAlertModule, NzButtonModule, NzSpinModule, EventDialogComponent, LocalDatePipe, TranslatePipe],
  templateUrl: './invitations.component.html',
  styles: `
    section.part {
      margin-top: 20px;
    }
    h2 {
      font-size: 17px;
    }
    ul.cards {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    ul.cards > li {
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px 14px;
      margin-bottom: 8px;
    }
    .meta {
      color: #595959;
      font-size: 13px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
    .empty {
      color: #595959;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationsComponent {
  private readonly api = inject(ProposalsApi);
  private readonly auth = inject(AuthService);
  private readonly me = computed(() => this.auth.user()?.id ?? '');
  private readonly refresh = signal(0);

  /** Proposals co-signing where I am a co-signer (invited, or confirmed and still free to take it back). */
  protected readonly invitations = rxResource({
    params: () => ({ n: this.refresh(), me: this.auth.user()?.id ?? '' }),
    stream: ({ params }) =>
      this.api.list({ mine: true, state: 'cosigning', pageSize: 50 }).pipe(
        map((page) => page.items.filter((p) => p.leadProposer.id !== params.me)),
        switchMap((items) => (items.length ? forkJoin(items.map((p) => this.api.get(p.id))) : of([] as ProposalDetail[]))),
      ),
    defaultValue: [],
  });
  /** Other delegates' proposals collecting co-signatures that I am not part of yet. */
  protected readonly open = rxResource({
    params: () => ({ n: this.refresh(), me: this.auth.user()?.id ?? '' }),
    stream: ({ params }) =>
      this.api.list({ state: 'cosigning', pageSize: 50, sort: '-submittedAt' }).pipe(
        map((page) => page.items.filter((p) => p.leadProposer.id !== params.me)),
        catchError(() => of([] as ProposalSummary[])),
      ),
    defaultValue: [],
  });
  protected readonly openToMe = computed(() => {
    const mine = new Set(this.invitations.value().map((p) => p.id));
    return this.open.value().filter((p) => !mine.has(p.id));
  });

  protected readonly target = signal<ProposalDetail | null>(null);
  protected readonly pending = signal<EventRequestIntent | null>(null);

  protected answers(p: ProposalDetail): EventType[] {
    return ANSWERS.filter((type) => p.availableEvents.includes(type));
  }

  protected statusOf(p: ProposalDetail): string {
    return p.cosigners.find((c) => c.user.id === this.me())?.status ?? 'invited';
  }

  protected ask(p: ProposalDetail, type: EventType): void {
    this.target.set(p);
    this.pending.set({ type });
  }

  protected answered(): void {
    this.pending.set(null);
    this.target.set(null);
    this.refresh.update((n) => n + 1);
  }

  protected close(): void {
    this.pending.set(null);
    this.target.set(null);
  }
}
