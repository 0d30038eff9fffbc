import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { Refusal } from '../../proposals/data/api-error';

/** What the server refused, above an admin form: field messages of a 400, a reload for a stale version (409). */
@Component({
  selector: 'app-refusal-alert',
  imports: [NzAlertModule, NzButtonModule, TranslatePipe],
  template: `
    @if (refusal(); as r) {
      <div role="alert" class="refusal" data-testid="admin-refusal">
        @switch (r.kind) {
          @case ('conflict') {
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="'admin.form.conflict' | translate" [nzDescription]="conflict" />
            <ng-template #conflict>
              <p>{{ r.message }}</p>
              @if (r.currentVersion !== null) {
                <button nz-button nzType="primary" type="button" data-testid="admin-reload" (click)="reload.emit()">
                  {{ 'admin.form.reload' | translate }}
                </button>
              }
            </ng-template>
          }
          @case ('invalid') {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="'admin.form.invalid' | translate" [nzDescription]="invalid" />
            <ng-template #invalid>
              @for (m of others(); track $index) {
                <div>{{ m }}</div>
              } @empty {
                <div>{{ r.message }}</div>
              }
            </ng-template>
          }
          @default {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="'common.unknownError' | translate" [nzDescription]="r.message" />
          }
        }
      </div>
    }
  `,
  styles: `
    .refusal {
      margin-bottom: 16px;
    }
    p {
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefusalAlertComponent {
  readonly refusal = input<Refusal | null>(null);
  /** Field messages no field of the form shows. */
  readonly others = input<string[]>([]);
  readonly reload = output<void>();
}
