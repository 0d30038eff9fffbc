import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { Refusal, toRefusal } from '../../proposals/data/api-error';
import { loadInto, otherFieldMessages } from './admin-form';

/**
 * The state an admin list page keeps around its edit dialog, and its moves: the rows (loaded with loadInto), the
 * row being edited (undefined: no dialog; null: a new one), the save in flight, and the server's last refusal
 * with the field messages no field of the form shows. One place for the categories, departments, delegations and
 * sessions pages; each keeps its own form and its own save request.
 */
export class AdminEditor<T> {
  readonly rows = signal<T[]>([]);
  readonly loading = signal(true);
  readonly failed = signal(false);
  readonly editing = signal<T | null | undefined>(undefined);
  readonly saving = signal(false);
  readonly refusal = signal<Refusal | null>(null);
  readonly others = signal<string[]>([]);

  /** `list`: the page's rows; `fields`: the server field names its form shows. */
  constructor(
    private readonly list: () => Observable<T[]>,
    private readonly fields: readonly string[],
  ) {}

  load(): void {
    loadInto(this.list(), this.rows, this);
  }

  /** Opens the dialog on a row (null: a new one), forgetting the last refusal; the page fills its form. */
  begin(row: T | null): void {
    this.refusal.set(null);
    this.others.set([]);
    this.editing.set(row);
  }

  close(): void {
    this.editing.set(undefined);
  }

  /**
   * Sends a save: on success the dialog closes and the rows load again; on a refusal it is shown (and with
   * `reloadOnRefusal` the rows load again too, for saves of several steps of which some may have gone through).
   */
  submit(save$: Observable<unknown>, reloadOnRefusal = false): void {
    this.saving.set(true);
    this.refusal.set(null);
    save$.subscribe({
      next: () => {
        this.saving.set(false);
        this.close();
        this.load();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const refusal = toRefusal(err);
        this.refusal.set(refusal);
        this.others.set(otherFieldMessages(refusal, this.fields));
        if (reloadOnRefusal) this.load();
      },
    });
  }
}
