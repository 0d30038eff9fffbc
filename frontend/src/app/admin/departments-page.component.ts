import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AdminDepartment } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { switchMap } from 'rxjs';
import { AdminApiService } from './admin-api.service';
import { CODE_PATTERN, fieldMessages, orNull } from './shared/admin-form';
import { AdminEditor } from './shared/admin-editor';
import { RefusalAlertComponent } from './shared/refusal-alert.component';
import { UserPickerComponent } from './shared/user-picker.component';

const FIELDS = ['code', 'name', 'nameEn', 'leaderId', 'active', 'handlerIds', 'headIds'];

/** 承办单位: list, create and edit with the leader in charge, the handlers and the heads. */
@Component({
  selector: 'app-departments-page',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    RefusalAlertComponent,
    UserPickerComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page" aria-labelledby="departments-title">
      <h1 id="departments-title">{{ 'areas.departments.title' | translate }}</h1>
      <p class="intro">{{ 'areas.departments.intro' | translate }}</p>
      <p><button nz-button nzType="primary" type="button" data-testid="create" (click)="open(null)">{{ 'admin.departments.create' | translate }}</button></p>
      @if (editor.failed()) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table #table nzSize="middle" [nzData]="editor.rows()" [nzLoading]="editor.loading()" [nzFrontPagination]="false" [nzScroll]="editor.rows().length ? { x: '860px' } : {}">
        <thead>
          <tr>
            <th scope="col">{{ 'admin.departments.code' | translate }}</th>
            <th scope="col">{{ 'admin.departments.name' | translate }}</th>
            <th scope="col">{{ 'admin.departments.leader' | translate }}</th>
            <th scope="col">{{ 'admin.departments.handlers' | translate }}</th>
            <th scope="col">{{ 'admin.departments.heads' | translate }}</th>
            <th scope="col">{{ 'admin.form.status' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (d of table.data; track d.id) {
            <tr>
              <td>{{ d.code }}</td>
              <td>{{ d.name }}@if (d.nameEn) {<br /><small>{{ d.nameEn }}</small>}</td>
              <td>{{ d.leader?.displayName ?? '—' }}</td>
              <td>{{ names(d.handlers) }}</td>
              <td>{{ names(d.heads) }}</td>
              <td>
                @if (d.active) {
                  <nz-tag nzColor="success">{{ 'admin.form.active' | translate }}</nz-tag>
                } @else {
                  <nz-tag>{{ 'admin.form.inactive' | translate }}</nz-tag>
                }
              </td>
              <td>
                <button nz-button nzSize="small" type="button" (click)="open(d)" [attr.aria-label]="('admin.form.edit' | translate) + ' ' + d.name">
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
      [nzTitle]="(editor.editing() ? 'admin.departments.edit' : 'admin.departments.create') | translate"
      [nzFooter]="footer"
      [nzMaskClosable]="false"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <app-refusal-alert [refusal]="editor.refusal()" [others]="editor.others()" (reload)="reload()" />
        <form id="department-form" class="admin-form" [formGroup]="form" (submit)="save($event)" novalidate>
          <label for="dep-code" class="required">{{ 'admin.departments.code' | translate }}</label>
          <input nz-input id="dep-code" formControlName="code" autocomplete="off" />
          <p class="hint">{{ 'admin.form.codeHelp' | translate }}</p>
          @for (m of msgs('code'); track $index) {<div class="error">{{ m }}</div>}

          <label for="dep-name" class="required">{{ 'admin.departments.name' | translate }}</label>
          <input nz-input id="dep-name" formControlName="name" />
          @for (m of msgs('name'); track $index) {<div class="error">{{ m }}</div>}

          <label for="dep-name-en">{{ 'admin.form.nameEn' | translate }}</label>
          <input nz-input id="dep-name-en" formControlName="nameEn" lang="en" />
          @for (m of msgs('nameEn'); track $index) {<div class="error">{{ m }}</div>}

          <label for="dep-leader">{{ 'admin.departments.leader' | translate }}</label>
          <app-user-picker inputId="dep-leader" formControlName="leaderId" [known]="known()" />
          <p class="hint">{{ 'admin.departments.leaderHelp' | translate }}</p>
          @for (m of msgs('leaderId'); track $index) {<div class="error">{{ m }}</div>}

          <label for="dep-handlers">{{ 'admin.departments.handlers' | translate }}</label>
          <app-user-picker inputId="dep-handlers" formControlName="handlerIds" [multiple]="true" [known]="known()" />
          @for (m of msgs('handlerIds'); track $index) {<div class="error">{{ m }}</div>}

          <label for="dep-heads">{{ 'admin.departments.heads' | translate }}</label>
          <app-user-picker inputId="dep-heads" formControlName="headIds" [multiple]="true" [known]="known()" />
          @for (m of msgs('headIds'); track $index) {<div class="error">{{ m }}</div>}

          @if (editor.editing()) {
            <label nz-checkbox formControlName="active">{{ 'admin.form.active' | translate }}</label>
          }
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="close()">{{ 'common.cancel' | translate }}</button>
        <button nz-button nzType="primary" type="submit" form="department-form" [nzLoading]="editor.saving()" data-testid="save">
          {{ 'admin.form.save' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styleUrl: './shared/admin-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPageComponent {
  private readonly api = inject(AdminApiService);
  private readonly translate = inject(TranslateService);

  protected readonly editor = new AdminEditor<AdminDepartment>(() => this.api.departments(), FIELDS);
  protected readonly known = signal<AdminDepartment['handlers']>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: ['', [Validators.maxLength(200)]],
    leaderId: [null as string | null],
    active: [true],
    handlerIds: [[] as string[], [Validators.maxLength(200)]],
    headIds: [[] as string[], [Validators.maxLength(50)]],
  });

  constructor() {
    this.load();
  }

  protected names(users: { displayName: string }[]): string {
    return users.length ? users.map((u) => u.displayName).join('、') : '—';
  }

  protected msgs(field: string): string[] {
    return fieldMessages(this.form, field, this.editor.refusal(), this.translate);
  }

  private load(): void {
    this.editor.load();
  }

  protected open(d: AdminDepartment | null): void {
    this.editor.begin(d);
    this.known.set(d ? [...(d.leader ? [d.leader] : []), ...d.handlers, ...d.heads] : []);
    this.form.reset({
      code: d?.code ?? '',
      name: d?.name ?? '',
      nameEn: d?.nameEn ?? '',
      leaderId: d?.leader?.id ?? null,
      active: d?.active ?? true,
      handlerIds: d?.handlers.map((u) => u.id) ?? [],
      headIds: d?.heads.map((u) => u.id) ?? [],
    });
  }

  protected close(): void {
    this.editor.close();
  }

  /** After a 409: read the department anew and put its values in the form. */
  protected reload(): void {
    const d = this.editor.editing();
    if (!d) return;
    this.api.department(d.id).subscribe((fresh) => {
      this.open(fresh);
      this.load();
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const d = this.editor.editing();
    const base = { code: v.code.trim(), name: v.name.trim(), nameEn: orNull(v.nameEn), leaderId: v.leaderId ?? null };
    const saved$ = d ? this.api.updateDepartment(d.id, { ...base, active: v.active, version: d.version }) : this.api.createDepartment(base);
    this.editor.submit(saved$.pipe(switchMap((dep) => this.api.setDepartmentMembers(dep.id, { handlerIds: v.handlerIds, headIds: v.headIds }))));
  }
}
