import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ProposalDetail, SimilarProposal } from '@congress/api-types';
import type { EventRequest, EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { localName } from '../shared/local-name';
import { Refusal, toRefusal } from './data/api-error';
import { OrganisationApi } from './data/organisation-api.service';
import { ProposalsApi } from './data/proposals-api.service';
import { dueDatePreview } from './due-date';
import { buildPayload, EventField, fieldsFor } from './event-forms';

/** An event the user asked to send; `fixed` are payload fields the page knows (the contact answered). */
export interface EventRequestIntent {
  type: EventType;
  fixed?: Record<string, string>;
}

/**
 * The small form of one event: its payload fields, then `POST /api/proposals/:id/events`. A 400 shows the
 * field messages; a 409 shows what changed (version or state, from the answer) and offers a reload.
 */
@Component({
  selector: 'app-event-dialog',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    TranslatePipe,
  ],
  templateUrl: './event-dialog.component.html',
  styles: `
    .field {
      display: block;
      margin-bottom: 14px;
    }
    .field > label,
    .field > .label {
      display: block;
      margin-bottom: 4px;
      font-weight: 500;
    }
    .required::after {
      content: ' *';
      color: #cf1322;
    }
    .field-error {
      color: #cf1322;
      margin-top: 4px;
    }
    nz-select {
      width: 100%;
    }
    nz-alert {
      display: block;
      margin-bottom: 12px;
    }
    .hint {
      color: #595959;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventDialogComponent {
  private readonly api = inject(ProposalsApi);
  private readonly org = inject(OrganisationApi);
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(LanguageService);

  readonly proposal = input.required<ProposalDetail>();
  /** The event to ask for; null keeps the dialog closed. */
  readonly request = input<EventRequestIntent | null>(null);
  /** The event was applied: the updated proposal. */
  readonly done = output<ProposalDetail>();
  readonly cancelled = output<void>();
  /** The user asked to reload after a conflict. */
  readonly reload = output<void>();

  protected readonly type = computed(() => this.request()?.type ?? null);
  protected readonly fields = computed<EventField[]>(() => {
    const type = this.type();
    return type ? fieldsFor(type, this.auth.hasAnyRole(['committee'])) : [];
  });
  protected readonly form = computed(() => this.buildForm(this.fields()));
  protected readonly sending = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly missing = signal<string[]>([]);
  protected readonly seenVersion = computed(() => this.proposal().version);

  private readonly needs = computed(() => new Set(this.fields().map((f) => f.kind)));
  protected readonly departments = toSignal(this.org.departments$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly categories = toSignal(this.org.categories$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly mergeTargets = signal<SimilarProposal[]>([]);
  private readonly sessions = toSignal(this.org.sessions$.pipe(catchError(() => of([]))), { initialValue: [] });

  /** ASSIGN / REASSIGN: the session's handling period (handlingDays, counted as the rule says). */
  private readonly dueRule = computed(() => {
    const type = this.type();
    if (type !== 'ASSIGN' && type !== 'REASSIGN') return undefined;
    const session = this.sessions().find((s) => s.id === this.proposal().sessionId);
    if (!session) return undefined;
    return { days: session.rules.handlingDays, counting: session.rules.dayCounting.handlingDays };
  });
  /**
   * The due date the proposal gets when no date is chosen, as the server computes it with the admin's calendar
   * (`GET /api/calendar/deadline`); when that call fails, the browser's weekday count, said to be an estimate.
   */
  protected readonly duePreview = rxResource({
    params: () => this.dueRule(),
    stream: ({ params }) => dueDatePreview(this.org.deadline(params.days, params.counting), params.days, params.counting),
  });

  constructor() {
    effect(() => {
      // A new request starts clean; a merge asks the server for similar proposals to pick from.
      const type = this.type();
      this.refusal.set(null);
      this.missing.set([]);
      this.sending.set(false);
      if (type === 'MERGE' && this.needs().has('proposal')) {
        this.api
          .similarTo(this.proposal().id)
          .pipe(catchError(() => of([] as SimilarProposal[])))
          .subscribe((list) => this.mergeTargets.set(list.filter((p) => p.id !== this.proposal().id)));
      }
    });
  }

  protected name(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }

  protected errorsOf(field: string): string[] {
    const refusal = this.refusal();
    return refusal?.kind === 'invalid' ? (refusal.fields[field] ?? []) : [];
  }

  /** 400 messages about fields the form does not show (or about the body as a whole). */
  protected readonly otherErrors = computed(() => {
    const refusal = this.refusal();
    if (refusal?.kind !== 'invalid') return [];
    const shown = new Set(this.fields().map((f) => f.name));
    const rest = Object.entries(refusal.fields).filter(([field]) => !shown.has(field));
    return rest.length ? rest.flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`)) : [refusal.message];
  });

  protected isRequired(field: EventField): boolean {
    if (field.required) return true;
    const when = field.requiredWhen;
    return !!when && this.form().get(when.field)?.value === when.value;
  }

  protected submit(event?: Event): void {
    event?.preventDefault();
    const type = this.type();
    if (!type || this.sending()) return;
    const form = this.form();
    const values = form.getRawValue() as Record<string, unknown>;
    const missing = this.fields()
      .filter((f) => this.isRequired(f))
      .filter((f) => {
        const v = values[f.name];
        return v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
      })
      .map((f) => f.name);
    this.missing.set(missing);
    if (missing.length) return;
    const body = { ...buildPayload(type, this.fields(), values), ...(this.request()?.fixed ?? {}) };
    this.sending.set(true);
    this.refusal.set(null);
    this.api.send(this.proposal().id, body as EventRequest, this.proposal().version).subscribe({
      next: (updated) => {
        this.sending.set(false);
        this.done.emit(updated);
      },
      error: (err: unknown) => {
        this.sending.set(false);
        this.refusal.set(toRefusal(err));
      },
    });
  }

  protected cancel(): void {
    if (!this.sending()) this.cancelled.emit();
  }

  private buildForm(fields: EventField[]): FormGroup {
    const controls: Record<string, FormControl> = {};
    for (const f of fields) {
      const initial =
        f.kind === 'checkbox' ? false : f.kind === 'departments' ? [] : f.kind === 'datetime' ? nowLocal() : null;
      controls[f.name] = new FormControl(initial, f.required ? [Validators.required] : []);
    }
    return new FormGroup(controls);
  }
}

/** Now as a `datetime-local` value. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
