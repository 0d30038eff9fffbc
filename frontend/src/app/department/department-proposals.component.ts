import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
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

export type DepartmentView = 'handling' | 'approval' | 'all';

/** The state filter of each view: in handling, waiting for the head's approval, or everything assigned. */
export function departmentQuery(view: DepartmentView, departmentId: string | null): ProposalListQuery {
  const state = view === 'handling' ? 'handling' : view === 'approval' ? 'handling.replyReview' : undefined;
  return { departmentId: departmentId ?? undefined, state, sort: view === 'all' ? '-updatedAt' : 'dueAt' };
}

/** Handlers and heads: the proposals assigned to their department, with due dates; the head's approval queue. */
@Component({
  selector: 'app-department-proposals',
  imports: [FormsModule, NzRadioModule, NzSelectModule, ProposalTableComponent, TranslatePipe],
  template: `
    <section class="page" aria-labelledby="dept-title">
      <h1 id="dept-title">{{ 'areas.department.title' | translate }}</h1>
      <p>{{ 'areas.department.intro' | translate }}</p>
      <p>{{ 'areas.department.p1' | translate }}</p>
      <div class="filters">
        @if (myDepartments().length > 1) {
          <div>
            <label for="f-dept">{{ 'lists.department' | translate }}</label>
            <nz-select nzId="f-dept" [ngModel]="departmentId()" (ngModelChange)="departmentId.set($event)">
              @for (d of myDepartments(); track d.id) {
                <nz-option [nzValue]="d.id" [nzLabel]="name(d)" />
              }
            </nz-select>
          </div>
        }
        <nz-radio-group nzButtonStyle="solid" role="radiogroup" [attr.aria-label]="'lists.view' | translate" [ngModel]="view()" (ngModelChange)="view.set($event)">
          <label nz-radio-button nzValue="handling">{{ 'department.handling' | translate }}</label>
          @if (isHead()) {
            <label nz-radio-button nzValue="approval">{{ 'department.approval' | translate }}</label>
          }
          <label nz-radio-button nzValue="all">{{ 'department.all' | translate }}</label>
        </nz-radio-group>
      </div>
      <app-proposal-table [query]="query()" [showDue]="view() !== 'all'" emptyKey="department.empty" />
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
export class DepartmentProposalsComponent {
  private readonly auth = inject(AuthService);
  private readonly lang = inject(LanguageService);
  private readonly departments = toSignal(
    inject(OrganisationApi).departments$.pipe(catchError(() => of([] as Department[]))),
    { initialValue: [] as Department[] },
  );

  private readonly myIds = computed(() => {
    const u = this.auth.user();
    return [...new Set([...(u?.departmentIds ?? []), ...(u?.headOfDepartmentIds ?? [])])];
  });
  protected readonly myDepartments = computed(() => this.departments().filter((d) => this.myIds().includes(d.id)));
  protected readonly departmentId = linkedSignal(() => this.myIds()[0] ?? null);
  protected readonly isHead = computed(() => {
    const id = this.departmentId();
    return !!id && (this.auth.user()?.headOfDepartmentIds ?? []).includes(id);
  });
  /** A head lands on the approval queue. */
  protected readonly view = linkedSignal<DepartmentView>(() => (this.isHead() ? 'approval' : 'handling'));
  protected readonly query = computed(() => departmentQuery(this.view(), this.departmentId()));

  protected name(item: { name: string; nameEn: string | null }): string {
    return localName(item, this.lang.current());
  }
}
