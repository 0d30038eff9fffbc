import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { EventType } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { actionBarEvents, DANGER_EVENTS, PRIMARY_EVENTS } from './event-forms';

/**
 * What the caller may do with the proposal now: one button per event of `availableEvents` (computed by the
 * server), so the page never offers what the server would refuse.
 */
@Component({
  selector: 'app-action-bar',
  imports: [NzButtonModule, TranslatePipe],
  template: `
    @if (events().length) {
      <div class="bar" role="toolbar" [attr.aria-label]="'proposal.actions' | translate">
        @for (type of events(); track type) {
          <button
            nz-button
            type="button"
            [attr.data-event]="type"
            [nzType]="primary.includes(type) ? 'primary' : 'default'"
            [nzDanger]="danger.includes(type)"
            [disabled]="disabled()"
            (click)="act.emit(type)"
          >
            {{ 'event.name.' + type | translate }}
          </button>
        }
      </div>
    } @else {
      <p class="none">{{ 'proposal.noActions' | translate }}</p>
    }
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .none {
      color: #595959;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionBarComponent {
  /** `availableEvents` of `GET /api/proposals/:id`. */
  readonly availableEvents = input.required<readonly string[]>();
  readonly disabled = input(false);
  readonly act = output<EventType>();

  protected readonly events = computed(() => actionBarEvents(this.availableEvents()));
  protected readonly primary = PRIMARY_EVENTS;
  protected readonly danger = DANGER_EVENTS;
}
