import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

@Component({
  selector: 'app-no-role',
  imports: [NzResultModule, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <nz-result nzStatus="info" [nzTitle]="title" [nzSubTitle]="'shell.noRoleText' | translate">
      <ng-template #title><h1 class="result-title">{{ 'shell.noRoleTitle' | translate }}</h1></ng-template>
      <div nz-result-extra>
        <a nz-button routerLink="/portal">{{ 'menu.portal' | translate }}</a>
      </div>
    </nz-result>
  `,
  styles: `
    .result-title {
      font-size: 24px;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoRoleComponent {}
