import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import type { Delegation, UserRef } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { Observable, of, switchMap } from 'rxjs';
import { AdminApiService } from './admin-api.service';
import { CODE_PATTERN, fieldMessages, orNull } from './shared/admin-form';
import { AdminEditor } from './shared/admin-editor';
import { RefusalAlertComponent } from './shared/refusal-alert.component';
import { UserPickerComponent } from './shared/user-picker.component';

const FIELDS = ['code', 'name', 'nameEn', 'headId', 'userIds'];

/** The server's rule: the head is one of the delegation's delegates. */
function headAmongDelegates(group: AbstractControl): ValidationErrors | null {
  const head = group.get('headId')?.value as string | null;
  const delegates = (group.get('userIds')?.value as string[]) ?? [];
  return head && !delegates.includes(head) ? { headNotDelegate: true } : null;
}

/** 代表团: list, create and edit with the head (团长) and the delegates. */
@Component({
  selector: 'app-delegations-page',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    RefusalAlertComponent,
    UserPickerComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page" aria-labelledby="delegations-title">
      <h1 id="delegations-title">{{ 'areas.delegations.title' | translate }}</h1>
      <p class="intro">{{ 'areas.delegations.intro' | translate }}</p>
      <p><button nz-button nzType="primary" type="button" data-testid="create" (click)="open(null)">{{ 'admin.delegations.create' | translate }}</button></p>
      @if (editor.failed()) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table #table nzSize="middle" [nzData]="editor.rows()" [nzLoading]="editor.loading()" [nzFrontPagination]="false" [nzScroll]="editor.rows().length ? { x: '720px' } : {}">
        <thead>
          <tr>
            <th scope="col">{{ 'admin.departments.code' | translate }}</th>
            <th scope="col">{{ 'admin.delegations.name' | translate }}</th>
            <th scope="col">{{ 'admin.delegations.head' | translate }}</th>
            <th scope="col">{{ 'admin.delegations.delegates' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (g of table.data; track g.id) {
            <tr>
              <td>{{ g.code }}</td>
              <td>{{ g.name }}@if (g.nameEn) {<br /><small>{{ g.nameEn }}</small>}</td>
              <td>{{ g.head?.displayName ?? '—' }}</td>
              <td>{{ 'admin.delegations.count' | translate: { count: g.delegates.length } }}</td>
              <td>
                <button nz-button nzSize="small" type="button" (click)="open(g)" [attr.aria-label]="('admin.form.edit' | translate) + ' ' + g.name">
                  {{ 'admin.form.edit' | translate }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>

    <nz-modal
      [nzVisible]="editor.editing() !== undefined"
      [nzTitle]="(editor.editing() ? 'admin.delegations.edit' : 'admin.delegations.create') | translate"
      [nzFooter]="footer"
      [nzMaskClosable]="false"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <app-refusal-alert [refusal]="editor.refusal()" [others]="editor.others()" (reload)="reload()" />
        <form id="delegation-form" class="admin-form" [formGroup]="form" (submit)="save($event)" novalidate>
          <label for="del-code" class="required">{{ 'admin.departments.code' | translate }}</label>
          <input nz-input id="del-code" formControlName="code" autocomplete="off" />
          <p class="hint">{{ 'admin.form.codeHelp' | translate }}</p>
          @for (m of msgs('code'); track $index) {<div class="error">{{ m }}</div>}

          <label for="del-name" class="required">{{ 'admin.delegations.name' | translate }}</label>
          <input nz-input id="del-name" formControlName="name" />
          @for (m of msgs('name'); track $index) {<div class="error">{{ m }}</div>}

          <label for="del-name-en">{{ 'admin.form.nameEn' | translate }}</label>
          <input nz-input id="del-name-en" formControlName="nameEn" lang="en" />
          @for (m of msgs('nameEn'); track $index) {<div class="error">{{ m }}</div>}

          <label for="del-delegates">{{ 'admin.delegations.delegates' | translate }}</label>
          <app-user-picker inputId="del-delegates" formControlName="userIds" [multiple]="true" [known]="known()" />
          <p class="hint">{{ 'admin.delegations.delegatesHelp' | translate }}</p>
          @for (m of msgs('userIds'); track $index) {<div class="error">{{ m }}</div>}

          <label for="del-head">{{ 'admin.delegations.head' | translate }}</label>
          <app-user-picker inputId="del-head" formControlName="headId" [known]="known()" />
          @for (m of msgs('headId'); track $index) {<div class="error">{{ m }}</div>}
          @if (form.hasError('headNotDelegate') && form.touched) {
            <div class="error">{{ 'admin.delegations.headNotDelegate' | translate }}</div>
          }
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="close()">{{ 'common.cancel' | translate }}</button>
        <button nz-button nzType="primary" type="submit" form="delegation-form" [nzLoading]="editor.saving()" data-testid="save">
          {{ 'admin.form.save' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styleUrl: './shared/admin-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationsPageComponent {
  private readonly api = inject(AdminApiService);
  private readonly translate = inject(TranslateService);

  protected readonly editor = new AdminEditor<Delegation>(() => this.api.delegations(), FIELDS);
  protected readonly known = signal<UserRef[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
      name: ['', [Validators.required, Validators.maxLength(100)]],
      nameEn: ['', [Validators.maxLength(200)]],
      headId: [null as string | null],
      userIds: [[] as string[], [Validators.maxLength(500)]],
    },
    { validators: headAmongDelegates },
  );

  constructor() {
    this.load();
  }

  protected msgs(field: string): string[] {
    return fieldMessages(this.form, field, this.editor.refusal(), this.translate);
  }

  private load(): void {
    this.editor.load();
  }

  protected open(g: Delegation | null): void {
    this.editor.begin(g);
    this.known.set(g ? [...(g.head ? [g.head] : []), ...g.delegates] : []);
    this.form.reset({
      code: g?.code ?? '',
      name: g?.name ?? '',
      nameEn: g?.nameEn ?? '',
      headId: g?.head?.id ?? null,
      userIds: g?.delegates.map((u) => u.id) ?? [],
    });
  }

  protected close(): void {
    this.editor.close();
  }

  protected reload(): void {
    const g = this.editor.editing();
    if (!g) return;
    this.api.delegation(g.id).subscribe((fresh) => {
      this.open(fresh);
      this.load();
    });
  }

  /**
   * The server keeps the head among the delegates at every step, so: names first (checks the version read),
   * then the delegates with the old head kept, then the new head, then the delegates without the old head.
   */
  protected save(event: Event): void {
    event.preventDefault();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const g = this.editor.editing();
    const names = { code: v.code.trim(), name: v.name.trim(), nameEn: orNull(v.nameEn) };
    const oldHead = g?.head?.id ?? null;
    const withOldHead = oldHead && !v.userIds.includes(oldHead) ? [...v.userIds, oldHead] : v.userIds;
    const first$: Observable<Delegation> = g ? this.api.updateDelegation(g.id, { ...names, version: g.version }) : this.api.createDelegation(names);
    // some steps may have gone through before a refusal: the rows load again either way
    this.editor.submit(
      first$.pipe(
        switchMap((d) => this.api.setDelegates(d.id, { userIds: withOldHead })),
        switchMap((d) => ((d.head?.id ?? null) === v.headId ? of(d) : this.api.updateDelegation(d.id, { headId: v.headId, version: d.version }))),
        switchMap((d) => (withOldHead.length !== v.userIds.length ? this.api.setDelegates(d.id, { userIds: v.userIds }) : of(d))),
      ),
      true,
    );
  }
}
