import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { MENU_ICONS } from '../core/icons';
import { MenuGroup } from '../core/menu';

/** The role-built navigation: one group per area the user's roles open. */
@Component({
  selector: 'app-side-menu',
  imports: [NzMenuModule, NzIconModule, RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <ul nz-menu nzMode="inline" [nzInlineCollapsed]="collapsed()" class="side-menu">
      @for (group of groups(); track group.title) {
        <li nz-menu-group [nzTitle]="collapsed() ? '' : (group.title | translate)">
          <ul>
            @for (item of group.items; track item.link) {
              <li
                nz-menu-item
                nzMatchRouter
                [nzMatchRouterExact]="!!item.exact"
                [title]="collapsed() ? (item.label | translate) : ''"
              >
                <a
                  [routerLink]="item.link"
                  routerLinkActive
                  #rla="routerLinkActive"
                  [routerLinkActiveOptions]="{ exact: !!item.exact }"
                  [attr.aria-current]="rla.isActive ? 'page' : null"
                  (click)="navigate.emit()"
                >
                  <span nz-icon [nzType]="item.icon" aria-hidden="true"></span>
                  <span>{{ item.label | translate }}</span>
                </a>
              </li>
            }
          </ul>
        </li>
      }
    </ul>
  `,
  styles: `
    .side-menu {
      border-inline-end: none !important;
    }
  `,
  providers: [provideNzIconsPatch(MENU_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SideMenuComponent {
  readonly groups = input.required<MenuGroup[]>();
  readonly collapsed = input(false);
  /** A link was followed (the drawer closes on small screens). */
  readonly navigate = output<void>();
}
