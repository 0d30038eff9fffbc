import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Category } from '@congress/api-types';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AdminApiService } from './admin-api.service';
import { fieldMessages, orNull } from './shared/admin-form';
import { AdminEditor } from './shared/admin-editor';
import { RefusalAlertComponent } from './shared/refusal-alert.component';

const FIELDS = ['name', 'nameEn', 'sortOrder', 'active'];

/** 类别: list, create and edit; inactive ones are no longer offered to proposers. */
@Component({
  selector: 'app-categories-page',
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
    TranslatePipe,
  ],
  template: `
    <section class="page" aria-labelledby="categories-title">
      <h1 id="categories-title">{{ 'areas.categories.title' | translate }}</h1>
      <p class="intro">{{ 'areas.categories.intro' | translate }}</p>
      <p><button nz-button nzType="primary" type="button" data-testid="create" (click)="open(null)">{{ 'admin.categories.create' | translate }}</button></p>
      @if (editor.failed()) {
        <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" /></div>
      }
      <nz-table #table nzSize="middle" [nzData]="editor.rows()" [nzLoading]="editor.loading()" [nzFrontPagination]="false">
        <thead>
          <tr>
            <th scope="col">{{ 'admin.categories.sortOrder' | translate }}</th>
            <th scope="col">{{ 'admin.categories.name' | translate }}</th>
            <th scope="col">{{ 'admin.form.status' | translate }}</th>
            <th scope="col"><span class="visually-hidden">{{ 'admin.form.actions' | translate }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (c of table.data; track c.id) {
            <tr>
              <td>{{ c.sortOrder }}</td>
              <td>{{ c.name }}@if (c.nameEn) {<br /><small>{{ c.nameEn }}</small>}</td>
              <td>
                @if (c.active) {
                  <nz-tag nzColor="success">{{ 'admin.form.active' | translate }}</nz-tag>
                } @else {
                  <nz-tag>{{ 'admin.form.inactive' | translate }}</nz-tag>
                }
              </td>
              <td>
                <button nz-button nzSize="small" type="button" (click)="open(c)" [attr.aria-label]="('admin.form.edit' | translate) + ' ' + c.name">
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
      [nzTitle]="(editor.editing() ? 'admin.categories.edit' : 'admin.categories.create') | translate"
      [nzFooter]="footer"
      [nzMaskClosable]="false"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <app-refusal-alert [refusal]="editor.refusal()" [others]="editor.others()" (reload)="reload()" />
        <form id="category-form" class="admin-form" [formGroup]="form" (submit)="save($event)" novalidate>
          <label for="cat-name" class="required">{{ 'admin.categories.name' | translate }}</label>
          <input nz-input id="cat-name" formControlName="name" />
          @for (m of msgs('name'); track $index) {<div class="error">{{ m }}</div>}

          <label for="cat-name-en">{{ 'admin.form.nameEn' | translate }}</label>
          <input nz-input id="cat-name-en" formControlName="nameEn" lang="en" />
          @for (m of msgs('nameEn'); track $index) {<div class="error">{{ m }}</div>}

          <label for="cat-sort">{{ 'admin.categories.sortOrder' | translate }}</label>
          <input nz-input id="cat-sort" type="number" min="0" max="10000" step="1" formControlName="sortOrder" />
          <p class="hint">{{ 'admin.categories.sortOrderHelp' | translate }}</p>
          @for (m of msgs('sortOrder'); track $index) {<div class="error">{{ m }}</div>}

          <label nz-checkbox formControlName="active">{{ 'admin.categories.activeHelp' | translate }}</label>
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="close()">{{ 'common.cancel' | translate }}</button>
        <button nz-button nzType="primary" type="submit" form="category-form" [nzLoading]="editor.saving()" data-testid="save">
          {{ 'admin.form.save' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styleUrl: './shared/admin-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoriesPageComponent {
  private readonly api = inject(AdminApiService);
  private readonly translate = inject(TranslateService);

  protected readonly editor = new AdminEditor<Category>(() => this.api.categories(), FIELDS);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: ['', [Validators.maxLength(200)]],
    sortOrder: [0, [Validators.required, Validators.min(0), Validators.max(10000), Validators.pattern(/^\d+$/)]],
    active: [true],
  });

  constructor() {
    this.load();
  }

  protected msgs(field: string): string[] {
    return fieldMessages(this.form, field, this.editor.refusal(), this.translate);
  }

  private load(): void {
    this.editor.load();
  }

  protected open(c: Category | null): void {
    this.editor.begin(c);
    const next = this.editor.rows().reduce((max, r) => Math.max(max, r.sortOrder), 0) + 10;
    this.form.reset({ name: c?.name ?? '', nameEn: c?.nameEn ?? '', sortOrder: c?.sortOrder ?? next, active: c?.active ?? true });
  }

  protected close(): void {
    this.editor.close();
  }

  protected reload(): void {
    const c = this.editor.editing();
    if (!c) return;
    this.api.categories().subscribe((rows) => {
      this.editor.rows.set(rows);
      const fresh = rows.find((r) => r.id === c.id);
      if (fresh) this.open(fresh);
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const c = this.editor.editing();
    const body = { name: v.name.trim(), nameEn: orNull(v.nameEn), sortOrder: Number(v.sortOrder), active: v.active };
    this.editor.submit(c ? this.api.updateCategory(c.id, { ...body, version: c.version }) : this.api.createCategory(body));
  }
}
