import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { LanguageSwitchComponent } from '../shared/language-switch.component';

/** The public disclosure portal (信息公开): no login; its pages read only `/api/public/...`. */
@Component({
  selector: 'app-portal-home',
  imports: [LanguageSwitchComponent, NzButtonModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  template: `
    <a class="skip-link" href="#portal-main">{{ 'app.skipToContent' | translate }}</a>
    <header class="portal-header">
      <a class="brand" routerLink="/portal">{{ 'portal.title' | translate }}</a>
      <nav aria-label="portal">
        <a routerLink="/portal" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">{{ 'portal.nav.proposals' | translate }}</a>
        <a routerLink="/portal/figures" routerLinkActive="active">{{ 'portal.nav.figures' | translate }}</a>
      </nav>
      <span class="spacer"></span>
      <app-language-switch />
      <a nz-button nzType="primary" routerLink="/login">{{ 'auth.title' | translate }}</a>
    </header>
    <main id="portal-main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    :host { display: block; min-height: 100vh; }
    .portal-header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 16px; background: #fff; border-bottom: 1px solid #f0f0f0; }
    .brand { font-size: 17px; font-weight: 600; color: rgb(0 0 0 / 88%); white-space: nowrap; }
    nav { display: flex; gap: 12px; }
    nav a { color: rgb(0 0 0 / 65%); padding: 4px 0; }
    nav a.active { color: #1677ff; border-bottom: 2px solid #1677ff; }
    .spacer { flex: 1; }
    main { max-width: 1100px; margin: 0 auto; padding: 16px; }
    main:focus { outline: none; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalHomeComponent {}
