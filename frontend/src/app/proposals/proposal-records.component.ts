import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Department, ProposalDetail } from '@congress/api-types';
import type { EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { localName } from '../shared/local-name';
import { OrganisationApi } from './data/organisation-api.service';
import { EventRequestIntent } from './event-dialog.component';

/** What was recorded on a proposal: co-signers, replies, contacts, co-handling input, evaluations, comments. */
@Component({
  selector: 'app-proposal-records',
  imports: [NzButtonModule, NzTagModule, LocalDatePipe, TranslatePipe],
  templateUrl: './proposal-records.component.html',
  styles: `
    section {
      margin-top: 20px;
    }
    h2 {
      font-size: 17px;
      margin: 0 0 8px;
    }
    ul.records {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    ul.records > li {
      border: 1px solid #f0f0f0;
      background: #fff;
      border-radius: 6px;
      padding: 10px 12px;
      margin-bottom: 8px;
    }
    .meta {
      color: #595959;
      font-size: 13px;
    }
    .text {
      white-space: pre-wrap;
      margin: 6px 0 0;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .empty {
      color: #595959;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalRecordsComponent {
  private readonly lang = inject(LanguageService);
  readonly proposal = input.required<ProposalDetail>();
  /** The proposer answers a logged contact. */
  readonly act = output<EventRequestIntent>();

  private readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
  private readonly departmentNames = computed(() => {
    const lang = this.lang.current();
    return new Map(this.departments().map((d) => [d.id, localName(d, lang)]));
  });

  protected readonly canAnswerContacts = computed(() => {
    const events = this.proposal().availableEvents;
    return { confirm: events.includes('CONFIRM_CONTACT'), dispute: events.includes('DISPUTE_CONTACT') };
  });

  protected department(id: string | null): string {
    return id ? (this.departmentNames().get(id) ?? '') : '';
  }

  protected answer(type: EventType, contactId: string): void {
    this.act.emit({ type, fixed: { contactId } });
  }
}
