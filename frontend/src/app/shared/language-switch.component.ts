import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { LANGUAGE_ICONS } from '../core/icons';
import { LanguageService } from '../core/language.service';
import { Language } from '../core/models';

/** One button that switches between 中文 and English; its label is in the language it switches to. */
@Component({
  selector: 'app-language-switch',
  imports: [NzButtonModule, NzIconModule, TranslatePipe],
  template: `
    <button
      nz-button
      nzType="text"
      type="button"
      class="lang-switch"
      [attr.lang]="lang.other()"
      [attr.aria-label]="'lang.switchToLabel' | translate"
      (click)="toggle()"
    >
      <span nz-icon nzType="global" aria-hidden="true"></span>
      <span>{{ 'lang.switchTo' | translate }}</span>
    </button>
  `,
  styles: `
    .lang-switch {
      color: inherit;
    }
  `,
  providers: [provideNzIconsPatch(LANGUAGE_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitchComponent {
  protected readonly lang = inject(LanguageService);
  /** The language the user switched to. */
  readonly changed = output<Language>();

  protected toggle(): void {
    void this.lang.toggle();
    this.changed.emit(this.lang.current());
  }
}
