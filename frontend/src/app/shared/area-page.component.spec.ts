import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { AreaPageComponent } from './area-page.component';

@Component({ template: '' })
class BlankComponent {}

describe('AreaPageComponent as a route page', () => {
  it('says what the page is for from the route data alone', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideTestTranslations(),
        provideRouter(
          [
            {
              path: 'invitations',
              component: AreaPageComponent,
              data: { titleKey: 'areas.invitations.title', introKey: 'areas.invitations.intro' },
            },
            { path: '**', component: BlankComponent },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/invitations');
    const text = harness.routeNativeElement?.textContent ?? '';
    expect(text).toContain('附议邀请');
    expect(text).toContain('此页面的功能将在后续版本中提供');
  });
});
