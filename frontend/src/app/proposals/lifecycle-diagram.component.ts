import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { HANDLING_STATES, TOP_LEVEL_STATES, type TopLevelState } from '@congress/workflow';
import { TranslatePipe } from '@ngx-translate/core';

/** The main road of a proposal, in order; the other top-level states are exits from it. */
const MAIN_ROAD: readonly TopLevelState[] = [
  'draft',
  'cosigning',
  'delegationReview',
  'submitted',
  'accepted',
  'classified',
  'handling',
  'replied',
  'closed',
];
const EXITS = TOP_LEVEL_STATES.filter((s) => !MAIN_ROAD.includes(s));

export interface DiagramBox {
  state: string;
  current: boolean;
  /** Already passed through (from the history). */
  passed: boolean;
  children: DiagramBox[];
}

/**
 * The boxes of the diagram with the current state (and its parent, for `handling.*`) marked, and the states the
 * proposal went through (`visited`, from its history) shown as passed.
 */
export function diagramOf(current: string, visited: readonly string[] = []): { road: DiagramBox[]; exits: DiagramBox[] } {
  const top = current.split('.')[0];
  const seen = new Set(visited.map((s) => s.split('.')[0]));
  const road = MAIN_ROAD.map((state) => ({
    state,
    current: state === top,
    passed: state !== top && seen.has(state),
    children:
      state === 'handling'
        ? HANDLING_STATES.map((h) => ({ state: `handling.${h}`, current: current === `handling.${h}`, passed: false, children: [] }))
        : [],
  }));
  const exits = EXITS.map((state) => ({ state, current: state === top, passed: state !== top && seen.has(state), children: [] }));
  return { road, exits };
}

/** The lifecycle of domain.md as a flow of boxes, the proposal's current state highlighted. */
@Component({
  selector: 'app-lifecycle-diagram',
  imports: [TranslatePipe],
  template: `
    <figure class="diagram">
      <figcaption class="visually-hidden">
        {{ 'proposal.lifecycleCaption' | translate: { state: ('state.' + state() | translate) } }}
      </figcaption>
      <ol class="road">
        @for (box of diagram().road; track box.state) {
          <li class="box" [class.current]="box.current" [class.passed]="box.passed" [attr.aria-current]="box.current ? 'step' : null">
            <span class="name">{{ 'state.' + box.state | translate }}</span>
            @if (box.children.length) {
              <ol class="sub">
                @for (child of box.children; track child.state) {
                  <li class="box small" [class.current]="child.current" [attr.aria-current]="child.current ? 'step' : null">
                    {{ 'state.' + child.state | translate }}
                  </li>
                }
              </ol>
            }
          </li>
        }
      </ol>
      <div class="exits">
        <span class="exits-label">{{ 'proposal.otherOutcomes' | translate }}</span>
        <ul>
          @for (box of diagram().exits; track box.state) {
            <li class="box exit" [class.current]="box.current" [attr.aria-current]="box.current ? 'step' : null">
              {{ 'state.' + box.state | translate }}
            </li>
          }
        </ul>
      </div>
    </figure>
  `,
  styles: `
    .diagram {
      margin: 0;
    }
    ol,
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .road {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 22px;
    }
    .box {
      position: relative;
      border: 1px solid #d9d9d9;
      border-radius: 6px;
      padding: 4px 10px;
      background: #fff;
      color: #434343;
      font-size: 13px;
    }
    .road > .box:not(:last-child)::after {
      content: '→';
      position: absolute;
      right: -18px;
      top: 4px;
      color: #8c8c8c;
    }
    .box.exit.passed,
    .box.passed {
      background: #f6ffed;
      border-color: #b7eb8f;
    }
    .box.current {
      background: #0958d9;
      border-color: #0958d9;
      color: #fff;
      font-weight: 600;
    }
    .sub {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 6px;
    }
    .box.small {
      font-size: 12px;
      padding: 2px 6px;
    }
    .exits {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
    .exits ul {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .exits-label {
      color: #595959;
      font-size: 13px;
    }
    .box.exit {
      border-style: dashed;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LifecycleDiagramComponent {
  readonly state = input.required<string>();
  /** The states of the history (`to` of each entry). */
  readonly visited = input<readonly string[]>([]);
  protected readonly diagram = computed(() => diagramOf(this.state(), this.visited()));
}
