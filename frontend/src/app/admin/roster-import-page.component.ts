import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzTableModule } from 'ng-zorro-antd/table';
import { RosterImportResult, RowError } from '../core/models';
import { AdminApiService } from './admin-api.service';

/** The server refuses larger files (413). */
export const ROSTER_MAX_BYTES = 2 * 1024 * 1024;

type Outcome =
  | { kind: 'done'; result: RosterImportResult }
  | { kind: 'rejected'; message: string; errors: RowError[] }
  | { kind: 'failed'; key: string };

/** What a 400 from the import says: `{ message, errors: [{ line, reason }] }`. */
export function rejection(err: HttpErrorResponse): Outcome {
  const body = (err.error ?? {}) as { message?: unknown; errors?: unknown };
  const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? '');
  const errors = Array.isArray(body.errors)
    ? body.errors.map((e: { line?: unknown; reason?: unknown }) => ({
        line: Number(e.line),
        reason: String(e.reason ?? ''),
      }))
    : [];
  return { kind: 'rejected', message, errors };
}

function failure(err: unknown): Outcome {
  if (!(err instanceof HttpErrorResponse)) return { kind: 'failed', key: 'common.unknownError' };
  if (err.status === 400) return rejection(err);
  if (err.status === 413) return { kind: 'failed', key: 'admin.roster.tooLarge' };
  return { kind: 'failed', key: err.status === 0 ? 'common.networkError' : 'common.unknownError' };
}

@Component({
  selector: 'app-roster-import-page',
  imports: [NzAlertModule, NzButtonModule, NzCheckboxModule, NzTableModule, TranslatePipe],
  templateUrl: './roster-import-page.component.html',
  styleUrl: './roster-import-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterImportPageComponent {
  private readonly api = inject(AdminApiService);

  protected readonly file = signal<File | null>(null);
  protected readonly dryRun = signal(true);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    const tooLarge = !!file && file.size > ROSTER_MAX_BYTES;
    this.file.set(tooLarge ? null : file);
    this.outcome.set(tooLarge ? { kind: 'failed', key: 'admin.roster.tooLarge' } : null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const file = this.file();
    if (!file || this.busy()) return;
    const dryRun = this.dryRun();
    this.busy.set(true);
    this.outcome.set(null);
    this.api.importRoster(file, dryRun).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.outcome.set({ kind: 'done', result: { ...res, dryRun: res.dryRun ?? dryRun } });
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.outcome.set(failure(err));
      },
    });
  }
}
