import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { AreaPageComponent } from '../shared/area-page.component';
import { LanguageSwitchComponent } from '../shared/language-switch.component';

/** The public disclosure portal (信息公开): no login. Published proposals come in a later issue. */
@Component({
  selector: 'app-portal-home',
  imports: [AreaPageComponent, LanguageSwitchComponent, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <a class="skip-link" href="#portal-main">{{ 'app.skipToContent' | translate }}</a>
    <header class="portal-header">
      <a class="brand" routerLink="/portal">{{ 'app.title' | translate }}</a>
      <span class="spacer"></span>
      <app-language-switch />
      <a nz-button nzType="primary" routerLink="/login">{{ 'auth.title' | translate }}</a>
    </header>
    <main id="portal-main" tabindex="-1">
      <app-area-page
        titleKey="areas.portal.title"
        introKey="areas.portal.intro"
        [pointKeys]="['areas.portal.p1']"
      />
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
    }
    .portal-header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 10px 16px;
      background: #fff;
      border-bottom: 1px solid #f0f0f0;
    }
    .brand {
      font-size: 17px;
      font-weight: 600;
      color: rgb(0 0 0 / 88%);
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .spacer {
      flex: 1;
    }
    main:focus {
      outline: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalHomeComponent {}
