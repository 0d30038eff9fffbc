import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { HEADER_ICONS } from '../core/icons';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { buildMenu } from '../core/menu';
import { Language } from '../core/models';
import { LanguageSwitchComponent } from '../shared/language-switch.component';
import { NotificationBellComponent } from './notification-bell.component';
import { SideMenuComponent } from './side-menu.component';

/** Below this width the side menu becomes a drawer opened from the header. */
const SMALL_SCREEN = '(max-width: 767.98px)';

@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzTagModule,
    LanguageSwitchComponent,
    NotificationBellComponent,
    SideMenuComponent,
    TranslatePipe,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  providers: [provideNzIconsPatch(HEADER_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  protected readonly menu = computed(() => buildMenu(this.auth.roles()));
  protected readonly small = toSignal(
    inject(BreakpointObserver)
      .observe(SMALL_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly collapsed = signal(false);
  protected readonly drawerOpen = signal(false);
  protected readonly menuExpanded = computed(() => (this.small() ? this.drawerOpen() : !this.collapsed()));

  protected toggleMenu(): void {
    if (this.small()) this.drawerOpen.update((open) => !open);
    else this.collapsed.update((collapsed) => !collapsed);
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  protected saveLanguage(language: Language): void {
    this.auth.saveLanguage(language);
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
