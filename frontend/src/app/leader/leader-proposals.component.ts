import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { Department, ProposalListQuery } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { OrganisationApi } from '../proposals/data/organisation-api.service';
import { ProposalTableComponent } from '../proposals/proposal-table.component';
import { localName } from '../shared/local-name';

/** A leader in charge: the open and the overdue proposals of the departments in its charge. */
@Component({
  selector: 'app-leader-proposals',
  imports: [FormsModule, NzRadioModule, NzSelectModule, ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="leader-title">
      <h1 id="leader-title">{{ 'areas.leader.title' | translate }}</h1>
      <p>{{ 'areas.leader.intro' | translate }}</p>
      <div class="filters">
        <div>
          <label for="f-dept">{{ 'lists.department' | translate }}</label>
          <nz-select nzId="f-dept" nzAllowClear [nzPlaceHolder]="'lists.allInCharge' | translate" [ngModel]="departmentId()" (ngModelChange)="departmentId.set($event)">
            @for (d of inCharge(); track d.id) {
              <nz-option [nzValue]="d.id" [nzLabel]="name(d)" />
            }
          </nz-select>
        </div>
        <nz-radio-group nzButtonStyle="solid" role="radiogroup" [attr.aria-label]="'lists.view' | translate" [ngModel]="overdue()" (ngModelChange)="overdue.set($event)">
          <label nz-radio-button [nzValue]="false">{{ 'leader.open' | translate }}</label>
          <label nz-radio-button [nzValue]="true">{{ 'leader.overdue' | translate }}</label>
        </nz-radio-group>
      </div>
      <app-proposal-table [query]="query()" [showDue]="true" [showDepartment]="true" emptyKey="leader.empty" />
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 12px;
      margin: 12px 0 16px;
    }
    .filters > div {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    nz-select {
      min-width: 200px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeaderProposalsComponent {
  private readonly auth = inject(AuthService);
  private readonly lang = inject(LanguageService);
  private readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
  protected readonly inCharge = computed(() => {
    const ids = this.auth.user()?.leaderOfDepartmentIds ?? [];
    return this.departments().filter((d) => ids.includes(d.id));
  });
  protected readonly departmentId = signal<string | null>(null);
  protected readonly overdue = signal(false);
  protected readonly query = computed<ProposalListQuery>(() => ({
    state: 'handling',
    departmentId: this.departmentId() ?? undefined,
    overdue: this.overdue() || undefined,
    sort: 'dueAt',
  }));

  protected name(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }
}
