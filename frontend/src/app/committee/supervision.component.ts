import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { Department, ProposalListQuery } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { OrganisationApi } from '../proposals/data/organisation-api.service';
import { ProposalTableComponent } from '../proposals/proposal-table.component';
import { localName } from '../shared/local-name';

/** Supervision (督办): proposals in handling per department with their due dates; urging is on the proposal page. */
@Component({
  selector: 'app-supervision',
  imports: [FormsModule, NzCheckboxModule, NzSelectModule, ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="supervision-title">
      <h1 id="supervision-title">{{ 'areas.supervision.title' | translate }}</h1>
      <p>{{ 'areas.supervision.intro' | translate }}</p>
      <div class="filters">
        <div>
          <label for="f-dept">{{ 'lists.department' | translate }}</label>
          <nz-select nzId="f-dept" nzAllowClear [nzPlaceHolder]="'lists.all' | translate" [ngModel]="departmentId()" (ngModelChange)="departmentId.set($event)">
            @for (d of departments(); track d.id) {
              <nz-option [nzValue]="d.id" [nzLabel]="name(d)" />
            }
          </nz-select>
        </div>
        <div class="check">
          <label nz-checkbox [ngModel]="overdue()" (ngModelChange)="overdue.set($event)">{{ 'lists.overdueOnly' | translate }}</label>
        </div>
      </div>
      <app-proposal-table [query]="query()" [showDue]="true" [showDepartment]="true" emptyKey="committee.emptySupervision" />
    </section>
  `,
  styleUrl: './filters.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupervisionComponent {
  private readonly lang = inject(LanguageService);
  protected readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );
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
