import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Department, ProposalDetail, ProposalRequestItem, ProposalRequestPage, ProposalRequestQuery } from '@congress/api-types';
import type { EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { LanguageService } from '../../core/language.service';
import { LocalDatePipe } from '../../shared/local-date.pipe';
import { localName } from '../../shared/local-name';
import { OrganisationApi } from '../data/organisation-api.service';
import { ProposalsApi } from '../data/proposals-api.service';
import { EventDialogComponent, EventRequestIntent } from '../event-dialog.component';
import { StateTagComponent } from '../state-tag.component';

/** Whose list it is: the committee decides every department's requests; a department follows its own. */
export type RequestsMode = 'committee' | 'department';
export type RequestKind = ProposalRequestItem['kind'];
export type RequestStatus = ProposalRequestItem['status'];

export const REQUEST_STATUSES: readonly RequestStatus[] = ['pending', 'approved', 'denied', 'lapsed'];

/** The decisions the committee takes on each kind of request (workflow events on the proposal). */
export const DECISIONS: Record<RequestKind, readonly EventType[]> = {
  extension: ['APPROVE_EXTENSION', 'DENY_EXTENSION'],
  reassignment: ['REASSIGN', 'DENY_REASSIGNMENT'],
};

/** The decisions of `kind` the server lists as available on the proposal now, in a fixed order. */
export function decisionsFor(kind: RequestKind, availableEvents: readonly string[]): EventType[] {
  return DECISIONS[kind].filter((type) => availableEvents.includes(type));
}

/** Whole days from `since` to `now` (0 on the day itself). */
export function ageInDays(since: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 86_400_000));
}

const EMPTY: ProposalRequestPage = { items: [], total: 0, page: 1, pageSize: 20 };

/**
 * 延期与改派申请: the departments' extension and reassignment requests, filtered by kind, status and department.
 * The committee opens a pending request and decides it with the proposal's own event forms (only the decisions
 * the server offers on the proposal now); a department follows its own requests and their outcome.
 */
@Component({
  selector: 'app-proposal-requests-page',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    EventDialogComponent,
    StateTagComponent,
    LocalDatePipe,
    TranslatePipe,
  ],
  templateUrl: './proposal-requests-page.component.html',
  styleUrl: './proposal-requests-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalRequestsPageComponent {
  private readonly api = inject(ProposalsApi);
  private readonly auth = inject(AuthService);
  private readonly lang = inject(LanguageService);
  private readonly injector = inject(Injector);

  /** From the route's data. */
  readonly mode = input<RequestsMode>('committee');

  protected readonly statuses = REQUEST_STATUSES;
  protected readonly kind = signal<RequestKind | ''>('');
  protected readonly status = signal<RequestStatus>('pending');
  protected readonly departmentId = signal<string | null>(null);
  protected readonly pageSize = 20;

  protected readonly isCommittee = computed(() => this.mode() === 'committee');
  private readonly allDepartments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
  /** The committee filters by any department; department staff by their own (the server shows no others). */
  protected readonly departments = computed(() => {
    if (this.isCommittee()) return this.allDepartments();
    const user = this.auth.user();
    const own = new Set([...(user?.departmentIds ?? []), ...(user?.headOfDepartmentIds ?? [])]);
    return this.allDepartments().filter((d) => own.has(d.id));
  });
  protected readonly showDepartmentFilter = computed(() => this.isCommittee() || this.departments().length > 1);

  private readonly query = computed<ProposalRequestQuery>(() => ({
    status: this.status(),
    kind: this.kind() || undefined,
    departmentId: this.departmentId() ?? undefined,
  }));
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({ source: this.query, computation: () => 1 });

  protected readonly list = rxResource({
    params: () => ({ ...this.query(), page: this.pageIndex(), pageSize: this.pageSize }),
    stream: ({ params }) => this.api.requests(params),
  });
  /** The rows shown: the last answer, kept while the next one loads. */
  protected readonly page = linkedSignal<ProposalRequestPage, ProposalRequestPage>({
    source: () => (this.list.hasValue() ? this.list.value() : EMPTY),
    computation: (value, previous) => (this.list.isLoading() && previous ? previous.value : value),
  });

  /** The request opened for a decision, and its proposal as the server shows it to the caller now. */
  protected readonly selected = signal<ProposalRequestItem | null>(null);
  protected readonly detail = rxResource<ProposalDetail, string | undefined>({
    params: () => this.selected()?.proposal.id,
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly decisions = computed<EventType[]>(() => {
    const item = this.selected();
    if (!item || item.status !== 'pending' || !this.detail.hasValue()) return [];
    return decisionsFor(item.kind, this.detail.value().availableEvents);
  });
  protected readonly pending = signal<EventRequestIntent | null>(null);
  /** The last decision taken here: the event and the proposal's title. */
  protected readonly notice = signal<{ type: EventType; title: string } | null>(null);

  private readonly panelHeading = viewChild<ElementRef<HTMLElement>>('panelHeading');

  protected name(item: { name: string; nameEn: string | null } | null): string {
    return item ? localName(item, this.lang.current()) : '—';
  }

  protected age(item: ProposalRequestItem): number {
    return ageInDays(item.createdAt);
  }

  protected open(item: ProposalRequestItem): void {
    this.notice.set(null);
    this.pending.set(null);
    this.selected.set(item);
    afterNextRender(() => this.panelHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.pending.set(null);
    this.selected.set(null);
  }

  protected decide(type: EventType): void {
    this.pending.set({ type });
  }

  protected applied(updated: ProposalDetail): void {
    const type = this.pending()?.type;
    this.pending.set(null);
    this.selected.set(null);
    if (type) this.notice.set({ type, title: updated.title });
    this.list.reload();
  }

  /** After a conflict: the proposal and the list as they are now. */
  protected reloadAll(): void {
    this.pending.set(null);
    this.detail.reload();
    this.list.reload();
  }
}
