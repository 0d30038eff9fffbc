import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { AttachmentInfo } from '@congress/api-types';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { LocalDatePipe } from '../shared/local-date.pipe';
import { ProposalsApi } from './data/proposals-api.service';

/** The message key for a refused upload: 413 too large, 415 a type the server does not take. */
export function uploadErrorKey(err: unknown): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 413) return 'proposal.attachments.tooLarge';
    if (err.status === 415) return 'proposal.attachments.badType';
    if (err.status === 403 || err.status === 409) return 'proposal.attachments.notNow';
    if (err.status === 0) return 'common.networkError';
  }
  return 'proposal.attachments.failed';
}

/** Size in the user's words: bytes, KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The proposal's attachments: download links (`GET /api/attachments/:id`, the session cookie authenticates),
 * and for the lead proposer while a draft, upload (`POST /api/proposals/:id/attachments`, field `file`) and removal.
 */
@Component({
  selector: 'app-attachments',
  imports: [NzAlertModule, NzButtonModule, LocalDatePipe, TranslatePipe],
  template: `
    @if (proposalAttachments().length) {
      <ul class="files" data-testid="attachments">
        @for (a of proposalAttachments(); track a.id) {
          <li>
            <a [href]="'/api/attachments/' + a.id" [attr.download]="a.fileName">{{ a.fileName }}</a>
            <span class="meta">{{ size(a.size) }} · {{ a.createdAt | localDate }}</span>
            @if (canEdit()) {
              <button
                nz-button
                nzSize="small"
                nzType="link"
                nzDanger
                type="button"
                [disabled]="busy()"
                [attr.aria-label]="('proposal.attachments.remove' | translate) + ' ' + a.fileName"
                (click)="remove(a)"
              >
                {{ 'proposal.attachments.remove' | translate }}
              </button>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="hint">{{ 'proposal.attachments.none' | translate }}</p>
    }
    @if (canEdit()) {
      <div class="upload">
        <label for="attachment-file">{{ 'proposal.attachments.choose' | translate }}</label>
        <input #file id="attachment-file" type="file" data-testid="attachment-file" [disabled]="busy()" (change)="upload(file)" />
        <p class="hint">{{ 'proposal.attachments.help' | translate }}</p>
      </div>
    }
    @if (error(); as key) {
      <div role="alert"><nz-alert nzType="error" nzShowIcon [nzMessage]="key | translate" /></div>
    }
    @if (uploaded(); as name) {
      <div role="status"><nz-alert nzType="success" nzShowIcon [nzMessage]="'proposal.attachments.uploaded' | translate: { name }" /></div>
    }
  `,
  styles: `
    .files {
      padding-left: 20px;
    }
    .files li {
      margin-bottom: 4px;
    }
    .meta {
      margin-left: 8px;
      color: rgb(0 0 0 / 65%);
      font-size: 13px;
    }
    .upload label {
      display: block;
      font-weight: 500;
      margin-bottom: 4px;
    }
    .hint {
      color: rgb(0 0 0 / 65%);
      font-size: 13px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentsComponent {
  private readonly api = inject(ProposalsApi);

  readonly proposalId = input.required<string>();
  readonly attachments = input.required<AttachmentInfo[]>();
  /** Upload and removal: the lead proposer while a draft. */
  readonly canEdit = input(false);
  /** An attachment was added or removed: reload the proposal. */
  readonly changed = output<void>();

  /** Reply attachments are shown with their reply. */
  protected readonly proposalAttachments = computed(() => this.attachments().filter((a) => !a.replyId));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly uploaded = signal<string | null>(null);

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (!file) return;
    this.busy.set(true);
    this.error.set(null);
    this.uploaded.set(null);
    this.api.uploadAttachment(this.proposalId(), file).subscribe({
      next: (info) => {
        this.busy.set(false);
        input.value = '';
        this.uploaded.set(info.fileName);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        input.value = '';
        this.error.set(uploadErrorKey(err));
      },
    });
  }

  protected remove(a: AttachmentInfo): void {
    this.busy.set(true);
    this.error.set(null);
    this.uploaded.set(null);
    this.api.removeAttachment(a.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(uploadErrorKey(err));
      },
    });
  }
}
