import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CongressSession, PeriodRuleName } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, map, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { OrganisationApi } from '../proposals/data/organisation-api.service';
import { LocalDatePipe } from '../shared/local-date.pipe';

const PERIODS: readonly { name: PeriodRuleName | 'minCosigners' | 'maxRehandle'; counted: boolean }[] = [
  { name: 'minCosigners', counted: false },
  { name: 'cosignWindowDays', counted: true },
  { name: 'reviewTargetDays', counted: true },
  { name: 'reassignmentWindowDays', counted: true },
  { name: 'handlingDays', counted: true },
  { name: 'maxExtensionDays', counted: true },
  { name: 'evaluationWindowDays', counted: true },
  { name: 'maxRehandle', counted: false },
];
const FLAGS = ['delegationApproval', 'leaderSignoff', 'committeeReplyCheck', 'requireConfirmedContact'] as const;

/** The rules of each session, read-only for the committee (the administrator edits them). */
@Component({
  selector: 'app-session-rules',
  imports: [RouterLink, NzAlertModule, NzTagModule, LocalDatePipe, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="rules-title">
      <h1 id="rules-title">{{ 'committee.rules.title' | translate }}</h1>
      <p>{{ 'committee.rules.intro' | translate }}</p>
      @if (isAdmin()) {
        <p><a routerLink="/admin/sessions">{{ 'committee.rules.edit' | translate }}</a></p>
      }
      @if (sessions() === null) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      @for (s of sessions() ?? []; track s.id) {
        <section class="session" [attr.aria-labelledby]="'rules-' + s.id">
          <h2 [id]="'rules-' + s.id">
            {{ title(s) }}
            @if (s.isCurrent) {
              <nz-tag nzColor="success">{{ 'admin.sessions.current' | translate }}</nz-tag>
            }
          </h2>
          <p>{{ 'admin.sessions.window' | translate }}{{ 'common.colon' | translate }}{{ s.opensAt | localDate }} – {{ s.closesAt | localDate }}</p>
          <dl>
            @for (r of periods; track r.name) {
              <dt>{{ 'admin.sessions.rule.' + r.name | translate }}</dt>
              <dd>
                {{ $any(s.rules)[r.name] }}
                @if (r.counted) {
                  ({{ 'admin.sessions.counting.' + $any(s.rules.dayCounting)[r.name] | translate }})
                }
              </dd>
            }
            @for (f of flags; track f) {
              <dt>{{ 'admin.sessions.rule.' + f | translate }}</dt>
              <dd>{{ (s.rules[f] ? 'committee.rules.yes' : 'committee.rules.no') | translate }}</dd>
            }
            <dt>{{ 'admin.sessions.rule.unevaluatedOutcome' | translate }}</dt>
            <dd>{{ 'admin.sessions.outcome.' + s.rules.unevaluatedOutcome | translate }}</dd>
          </dl>
        </section>
      }
    </section>
  `,
  styles: `
    .session {
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    h2 {
      font-size: 17px;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: rgb(0 0 0 / 70%);
    }
    dd {
      margin: 0;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionRulesComponent {
  private readonly lang = inject(LanguageService);
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.hasAnyRole(['admin']));
  protected readonly periods = PERIODS;
  protected readonly flags = FLAGS;
  protected readonly sessions = toSignal(
    inject(OrganisationApi).sessions$.pipe(
      map((list): CongressSession[] | null => list),
      catchError(() => of(null)),
    ),
    { initialValue: [] as CongressSession[] | null },
  );

  protected title(s: CongressSession): string {
    return this.lang.current() === 'en' && s.titleEn ? s.titleEn : s.title;
  }
}
