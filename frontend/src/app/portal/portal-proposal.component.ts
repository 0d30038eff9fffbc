import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PublicProposal } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../core/language.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { localName } from '../shared/local-name';
import { PortalApi, PortalOption } from './portal-api.service';

/** One published proposal: its text, proposers, departments, replies and evaluation. */
@Component({
  selector: 'app-portal-proposal',
  imports: [LocalDatePipe, NzTagModule, RouterLink, TranslatePipe],
  template: `
    <p><a routerLink="/portal">← {{ 'portal.back' | translate }}</a></p>
    @if (missing()) {
      <p role="alert">{{ 'portal.notFound' | translate }}</p>
    } @else if (proposal(); as p) {
      <article>
        <h1>
          @if (p.number) {
            <span class="number">{{ p.number }}</span>
          }
          {{ p.title }}
        </h1>
        <div class="tags">
          <nz-tag>{{ 'state.' + p.state | translate }}</nz-tag>
          @if (p.grade) {
            <nz-tag nzColor="blue">{{ 'portal.grades.' + p.grade | translate }}</nz-tag>
          }
          @if (p.evaluation) {
            <nz-tag [nzColor]="p.evaluation === 'unsatisfied' ? 'red' : 'green'">{{ 'portal.evaluations.' + p.evaluation | translate }}</nz-tag>
          }
          @if (p.promiseFulfilled) {
            <nz-tag nzColor="green">{{ 'portal.promiseFulfilled' | translate }}</nz-tag>
          }
          @if (p.excellent) {
            <nz-tag nzColor="gold">{{ 'portal.excellent' | translate }}</nz-tag>
          }
        </div>
        <dl>
          <dt>{{ 'portal.session' | translate }}</dt>
          <dd>{{ sessionName(p.session) }}</dd>
          <dt>{{ 'portal.proposer' | translate }}</dt>
          <dd>{{ p.leadProposerName }}@if (p.collective && p.delegationName) {（{{ p.delegationName }}）}</dd>
          @if (p.cosignerNames.length) {
            <dt>{{ 'portal.cosigners' | translate }}</dt>
            <dd>{{ p.cosignerNames.join('、') }}</dd>
          }
          @if (p.category) {
            <dt>{{ 'portal.category' | translate }}</dt>
            <dd>{{ name(p.category) }}</dd>
          }
          @if (p.leadDepartment) {
            <dt>{{ 'portal.department' | translate }}</dt>
            <dd>{{ name(p.leadDepartment) }}@for (d of p.coDepartments; track d.id) {、{{ name(d) }}}</dd>
          }
        </dl>
        <h2>{{ 'portal.background' | translate }}</h2>
        <p class="text">{{ p.background }}</p>
        <h2>{{ 'portal.suggestions' | translate }}</h2>
        <p class="text">{{ p.suggestions }}</p>
        <h2>{{ 'portal.replies' | translate }}</h2>
        @for (r of p.replies; track $index) {
          <section class="reply">
            <div class="reply-head">
              <strong>{{ lang.current() === 'en' && r.departmentNameEn ? r.departmentNameEn : r.departmentName }}</strong>
              <span>{{ r.repliedAt | localDate }}</span>
              <nz-tag nzColor="blue">{{ 'portal.grades.' + r.grade | translate }}</nz-tag>
              @if (p.replies.length > 1) {
                <span>{{ 'portal.round' | translate: { round: r.round } }}</span>
              }
              @if (r.plannedAt) {
                <span>{{ 'portal.plannedAt' | translate }}：{{ r.plannedAt | localDate }}</span>
              }
            </div>
            <p class="text">{{ r.content }}</p>
          </section>
        } @empty {
          <p>{{ 'portal.noReply' | translate }}</p>
        }
      </article>
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .number { color: rgb(0 0 0 / 45%); margin-right: 8px; }
    .tags { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 12px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; }
    dt { color: rgb(0 0 0 / 55%); }
    dd { margin: 0; }
    .text { white-space: pre-wrap; line-height: 1.8; }
    .reply { border-left: 3px solid #1677ff; padding: 4px 12px; margin-bottom: 12px; background: #fafafa; }
    .reply-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalProposalComponent {
  private readonly api = inject(PortalApi);
  protected readonly lang = inject(LanguageService);
  /** The route's :id (component input binding). */
  readonly id = input.required<string>();
  protected readonly proposal = signal<PublicProposal | null>(null);
  protected readonly missing = signal(false);

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.proposal(this.id()).subscribe({
        next: (p) => {
          this.missing.set(false);
          this.proposal.set(p);
        },
        error: () => this.missing.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected name(item: PortalOption): string {
    return localName(item, this.lang.current());
  }

  protected sessionName(s: { title: string; titleEn: string | null }): string {
    return localName({ name: s.title, nameEn: s.titleEn }, this.lang.current());
  }
}
