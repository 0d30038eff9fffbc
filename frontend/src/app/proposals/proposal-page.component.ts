import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Category, ProposalDetail } from '@congress/api-types';
import type { EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { localName } from '../shared/local-name';
import { ActionBarComponent } from './action-bar.component';
import { AttachmentsComponent } from './attachments.component';
import { OrganisationApi } from './data/organisation-api.service';
import { ProposalsApi } from './data/proposals-api.service';
import { EventDialogComponent, EventRequestIntent } from './event-dialog.component';
import { LifecycleDiagramComponent } from './lifecycle-diagram.component';
import { ProposalRecordsComponent } from './proposal-records.component';
import { ProposalTimelineComponent } from './proposal-timeline.component';
import { SimilarProposalsComponent } from './similar-proposals.component';
import { StateTagComponent } from './state-tag.component';

/** One proposal for whoever may see it: its fields, records, history, lifecycle and what the caller may do now. */
@Component({
  selector: 'app-proposal-page',
  imports: [
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzSpinModule,
    NzTagModule,
    ActionBarComponent,
    AttachmentsComponent,
    EventDialogComponent,
    LifecycleDiagramComponent,
    ProposalRecordsComponent,
    ProposalTimelineComponent,
    SimilarProposalsComponent,
    StateTagComponent,
    LocalDatePipe,
    TranslatePipe,
  ],
  templateUrl: './proposal-page.component.html',
  styleUrl: './proposal-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalPageComponent {
  private readonly api = inject(ProposalsApi);
  private readonly auth = inject(AuthService);
  private readonly lang = inject(LanguageService);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly proposal = rxResource<ProposalDetail, string>({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly history = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.history(params).pipe(catchError(() => of([]))),
    defaultValue: [],
  });
  private readonly categories = toSignal(
    inject(OrganisationApi).categories$.pipe(catchError(() => of([] as Category[]))),
    { initialValue: [] as Category[] },
  );

  /** The states the proposal went through, for the lifecycle diagram. */
  protected readonly visited = computed(() => this.history.value().map((entry) => entry.to));
  protected readonly pending = signal<EventRequestIntent | null>(null);
  protected readonly notice = signal<EventType | null>(null);

  protected readonly notFound = computed(() => {
    const error = this.proposal.error() as { cause?: { status?: number }; status?: number } | undefined;
    const status = error?.status ?? error?.cause?.status;
    return status === 404 || status === 403;
  });
  protected readonly isLead = computed(
    () => this.proposal.hasValue() && this.proposal.value().leadProposer.id === this.auth.user()?.id,
  );
  /** Under review (the committee may merge): similar proposals side by side. */
  protected readonly showSimilar = computed(
    () => this.proposal.hasValue() && this.proposal.value().availableEvents.some((e) => e === 'MERGE' || e === 'ACCEPT'),
  );
  protected readonly category = computed(() => {
    if (!this.proposal.hasValue()) return '';
    const p = this.proposal.value();
    const id = p.categoryId ?? p.suggestedCategoryId;
    return localName(this.categories().find((c) => c.id === id), this.lang.current());
  });

  protected open(intent: EventRequestIntent): void {
    this.notice.set(null);
    this.pending.set(intent);
  }

  protected applied(updated: ProposalDetail): void {
    const type = this.pending()?.type ?? null;
    this.pending.set(null);
    this.proposal.set(updated);
    this.history.reload();
    this.notice.set(type);
  }

  protected reloadAll(): void {
    this.pending.set(null);
    this.proposal.reload();
    this.history.reload();
  }
}
