import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

@Component({
  selector: 'app-not-found',
  imports: [NzResultModule, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <nz-result nzStatus="404" [nzTitle]="title" [nzSubTitle]="'shell.notFoundText' | translate">
      <ng-template #title><h1 class="result-title">{{ 'shell.notFoundTitle' | translate }}</h1></ng-template>
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | translate }}</a>
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
export class NotFoundComponent {}
