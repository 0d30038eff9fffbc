import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { MENU_ICONS } from '../core/icons';
import { AreaPageComponent } from '../shared/area-page.component';

interface AdminSection {
  link: string;
  icon: string;
  title: string;
  intro: string;
}

const SECTIONS: readonly AdminSection[] = [
  { link: 'users', icon: 'user', title: 'menu.users', intro: 'admin.users.intro' },
  { link: 'departments', icon: 'apartment', title: 'menu.departments', intro: 'areas.departments.intro' },
  { link: 'delegations', icon: 'team', title: 'menu.delegations', intro: 'areas.delegations.intro' },
  { link: 'sessions', icon: 'setting', title: 'menu.sessions', intro: 'areas.sessions.intro' },
  { link: 'categories', icon: 'tags', title: 'menu.categories', intro: 'areas.categories.intro' },
  { link: 'calendar', icon: 'calendar', title: 'menu.calendar', intro: 'areas.calendar.intro' },
  { link: 'roster-import', icon: 'upload', title: 'menu.rosterImport', intro: 'admin.roster.intro' },
];

/** Landing page of the administrator: what each administration page keeps. */
@Component({
  selector: 'app-admin-home',
  imports: [AreaPageComponent, RouterLink, NzIconModule, TranslatePipe],
  template: `
    <app-area-page titleKey="areas.admin.title" introKey="areas.admin.intro" [showComingSoon]="false">
      <ul class="sections">
        @for (section of sections; track section.link) {
          <li>
            <a [routerLink]="section.link">
              <span nz-icon [nzType]="section.icon" aria-hidden="true"></span>
              {{ section.title | translate }}
            </a>
            <p>{{ section.intro | translate }}</p>
          </li>
        }
      </ul>
    </app-area-page>
  `,
  styles: `
    .sections {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
    }
    .sections li {
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px 16px;
    }
    .sections a {
      font-weight: 600;
      display: inline-flex;
      gap: 8px;
      align-items: center;
    }
    .sections p {
      margin: 6px 0 0;
      color: rgb(0 0 0 / 65%);
    }
  `,
  providers: [provideNzIconsPatch(MENU_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminHomeComponent {
  protected readonly sections = SECTIONS;
}
