import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/**
 * A page that says what an area is for until its screens arrive. Inputs are translation keys;
 * they come from route `data` (component input binding) or from a landing component.
 */
@Component({
  selector: 'app-area-page',
  imports: [NzAlertModule, TranslatePipe],
  template: `
    <section class="page" [attr.aria-labelledby]="headingId">
      <h1 [id]="headingId">{{ titleKey() | translate }}</h1>
      <p class="intro">{{ introKey() | translate }}</p>
      @if (pointKeys().length) {
        <ul class="points">
          @for (key of pointKeys(); track key) {
            <li>{{ key | translate }}</li>
          }
        </ul>
      }
      <ng-content />
      @if (showComingSoon()) {
        <nz-alert nzType="info" nzShowIcon [nzMessage]="'common.comingSoon' | translate" />
      }
    </section>
  `,
  styles: `
    .intro {
      font-size: 15px;
    }
    .points {
      padding-left: 20px;
      line-height: 1.8;
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AreaPageComponent {
  readonly titleKey = input.required<string>();
  readonly introKey = input.required<string>();
  // Route input binding sets inputs missing from the route data to undefined: fall back to the defaults.
  readonly pointKeys = input<string[], string[] | undefined>([], { transform: (keys) => keys ?? [] });
  readonly showComingSoon = input<boolean, boolean | undefined>(true, { transform: (show) => show ?? true });

  private static nextId = 0;
  protected readonly headingId = `area-page-title-${AreaPageComponent.nextId++}`;
}
