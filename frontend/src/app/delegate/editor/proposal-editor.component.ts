import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { Category, Department, DirectoryUser, ProposalDetail, SimilarProposal } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import {
  catchError,
  concatMap,
  debounceTime,
  distinctUntilChanged,
  map,
  Observable,
  of,
  Subject,
  switchMap,
  throwError,
} from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { LanguageService } from '../../core/language.service';
import { Refusal, toRefusal } from '../../proposals/data/api-error';
import { OrganisationApi } from '../../proposals/data/organisation-api.service';
import { ProposalsApi } from '../../proposals/data/proposals-api.service';
import { StateTagComponent } from '../../proposals/state-tag.component';
import { localName } from '../../shared/local-name';
import { charCount, draftProblems, LIMITS, Problem, submitProblems } from './proposal-rules';

type Person = Pick<DirectoryUser, 'id' | 'displayName'> & { delegation?: DirectoryUser['delegation'] };

/**
 * The proposal editor: a new draft, or a draft (also a returned one) of the lead proposer. Counters and the
 * rules of domain.md show while typing; similar earlier proposals show while the title is typed.
 */
@Component({
  selector: 'app-proposal-editor',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputModule, NzSelectModule, NzSpinModule, StateTagComponent, TranslatePipe],
  templateUrl: './proposal-editor.component.html',
  styleUrl: './proposal-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalEditorComponent implements OnInit {
  private readonly api = inject(ProposalsApi);
  private readonly org = inject(OrganisationApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService);

  /** The route's `:id` when editing; absent for a new draft. */
  readonly id = input<string>();

  protected readonly limits = LIMITS;
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly savedAt = signal<Date | null>(null);
  /** Why the committee (or the delegation head) returned the proposal, when it was. */
  protected readonly returnComment = signal<string | null>(null);
  /** After a submit attempt, the submit rules show on every field. */
  protected readonly triedSubmit = signal(false);
  protected readonly triedSave = signal(false);

  protected readonly proposalId = signal<string | null>(null);
  protected readonly version = signal(0);
  protected readonly state = signal('draft');
  protected readonly sessionId = signal<string | null>(null);
  protected readonly title = signal('');
  protected readonly background = signal('');
  protected readonly suggestions = signal('');
  protected readonly categoryId = signal<string | null>(null);
  protected readonly departmentIds = signal<string[]>([]);
  protected readonly contactPhone = signal('');
  protected readonly cosignerIds = signal<string[]>([]);
  private readonly invitedBefore = signal<string[]>([]);
  /** Labels of every person seen in the picker, so chosen ones keep their names. */
  private readonly people = signal<Map<string, Person>>(new Map());
  protected readonly searchResults = signal<Person[]>([]);
  private readonly search$ = new Subject<string>();

  protected readonly counts = computed(() => ({
    title: charCount(this.title()),
    background: charCount(this.background()),
    suggestions: charCount(this.suggestions()),
  }));
  private readonly text = computed(() => ({ title: this.title(), background: this.background(), suggestions: this.suggestions() }));
  protected readonly draftProblems = computed(() => draftProblems(this.text()));
  protected readonly submitProblems = computed(() => submitProblems(this.text()));
  /** The problems shown now: the draft's from the first save, the submit rules from the first submit. */
  protected readonly shownProblems = computed<Problem[]>(() =>
    this.triedSubmit() ? this.submitProblems() : this.triedSave() || this.counts().title > LIMITS.titleMax ? this.draftProblems() : [],
  );
  protected readonly editable = computed(() => this.state() === 'draft');
  protected readonly canSubmit = computed(() => this.submitProblems().length === 0);

  protected readonly categories = toSignal(this.org.categories$.pipe(catchError(() => of([] as Category[]))), { initialValue: [] as Category[] });
  protected readonly departments = toSignal(this.org.departments$.pipe(catchError(() => of([] as Department[]))), { initialValue: [] as Department[] });
  protected readonly pickerOptions = computed(() => {
    const chosen = this.cosignerIds().map((id) => this.people().get(id)).filter((p): p is Person => !!p);
    const more = this.searchResults().filter((p) => !this.cosignerIds().includes(p.id));
    return [...chosen, ...more];
  });

  protected readonly similar = toSignal(
    toObservable(this.title).pipe(
      map((t) => t.trim()),
      debounceTime(400),
      distinctUntilChanged(),
      switchMap((t) =>
        charCount(t) < 4
          ? of([] as SimilarProposal[])
          : this.api.similarToTitle(t, this.sessionId() ?? undefined).pipe(catchError(() => of([] as SimilarProposal[]))),
      ),
      map((list) => list.filter((p) => p.id !== this.proposalId())),
    ),
    { initialValue: [] as SimilarProposal[] },
  );

  ngOnInit(): void {
    this.search$
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => this.org.directory('delegate', q).pipe(catchError(() => of({ items: [], total: 0 })))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        const me = this.auth.user()?.id;
        const found = page.items.filter((u) => u.id !== me);
        this.remember(found);
        this.searchResults.set(found);
      });
    this.search$.next('');
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.refusal.set(null);
    const id = this.id();
    if (id) {
      this.api.get(id).subscribe({ next: (p) => this.fill(p), error: () => this.failLoad() });
      this.api
        .history(id)
        .pipe(catchError(() => of([])))
        .subscribe((entries) => {
          // The return since the last submission; other entries (an attachment added) may follow it.
          const last = [...entries].reverse().find((e) => e.event === 'RETURN' || e.event === 'SUBMIT');
          this.returnComment.set(last?.event === 'RETURN' ? (last.comment ?? '') : null);
        });
    } else {
      this.org.currentSession().subscribe({
        next: (s) => {
          this.sessionId.set(s.id);
          this.loading.set(false);
        },
        error: () => this.failLoad(),
      });
    }
  }

  protected name(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }

  protected problemOf(field: string): Problem | undefined {
    return this.shownProblems().find((p) => p.field === field);
  }

  protected serverErrors(field: string): string[] {
    const r = this.refusal();
    return r?.kind === 'invalid' ? (r.fields[field] ?? []) : [];
  }

  protected searchPeople(q: string): void {
    this.search$.next(q.trim());
  }

  protected save(): void {
    this.triedSave.set(true);
    if (this.draftProblems().length || this.saving()) return;
    this.run(this.persist(), (p) => {
      this.fill(p);
      this.savedAt.set(new Date());
    });
  }

  protected submit(): void {
    this.triedSubmit.set(true);
    if (!this.canSubmit() || this.saving()) return;
    this.run(
      this.persist().pipe(concatMap((p) => this.api.send(p.id, { type: 'SUBMIT' }, p.version))),
      (p) => void this.router.navigate(['/proposals', p.id]),
    );
  }

  private run(work: Observable<ProposalDetail>, then: (p: ProposalDetail) => void): void {
    this.saving.set(true);
    this.refusal.set(null);
    work.subscribe({
      next: (p) => {
        this.saving.set(false);
        then(p);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.refusal.set(toRefusal(err));
      },
    });
  }

  /** Creates the draft or saves it, then brings the invitations in line with the picker. */
  private persist(): Observable<ProposalDetail> {
    const fields = {
      title: this.title().trim(),
      background: this.background(),
      suggestions: this.suggestions(),
      suggestedCategoryId: this.categoryId(),
      suggestedDepartmentIds: this.departmentIds(),
      contactPhone: this.contactPhone().trim() || null,
    };
    const id = this.proposalId();
    if (!id) {
      const sessionId = this.sessionId();
      if (!sessionId) return throwError(() => new Error('No congress session is open'));
      return this.api.create({ sessionId, ...fields, cosignerIds: this.cosignerIds() }).pipe(
        map((p) => {
          this.location.replaceState(`/delegate/proposals/${p.id}/edit`);
          return p;
        }),
      );
    }
    const added = this.cosignerIds().filter((c) => !this.invitedBefore().includes(c));
    const removed = this.invitedBefore().filter((c) => !this.cosignerIds().includes(c));
    let chain = this.api.update(id, { ...fields, expectedVersion: this.version() });
    if (added.length) chain = chain.pipe(concatMap((p) => this.api.inviteCosigners(p.id, added, p.version)));
    for (const userId of removed) chain = chain.pipe(concatMap((p) => this.api.removeCosigner(p.id, userId, p.version)));
    return chain;
  }

  private fill(p: ProposalDetail): void {
    this.proposalId.set(p.id);
    this.version.set(p.version);
    this.state.set(p.state);
    this.sessionId.set(p.sessionId);
    this.title.set(p.title);
    this.background.set(p.background ?? '');
    this.suggestions.set(p.suggestions ?? '');
    this.categoryId.set(p.suggestedCategoryId);
    this.departmentIds.set(p.suggestedDepartmentIds ?? []);
    this.contactPhone.set(p.contactPhone ?? '');
    const active = p.cosigners.filter((c) => c.status !== 'declined');
    this.remember(active.map((c) => c.user));
    this.invitedBefore.set(active.map((c) => c.user.id));
    this.cosignerIds.set(active.map((c) => c.user.id));
    this.loading.set(false);
  }

  private remember(people: Person[]): void {
    if (!people.length) return;
    const next = new Map(this.people());
    for (const p of people) next.set(p.id, { ...next.get(p.id), ...p });
    this.people.set(next);
  }

  private failLoad(): void {
    this.loading.set(false);
    this.loadFailed.set(true);
  }
}
