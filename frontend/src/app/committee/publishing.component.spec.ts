import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { PublishingComponent, publishedFilter } from './publishing.component';

describe('the publishing page', () => {
  let fixture: ComponentFixture<PublishingComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PublishingComponent);
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  it('lets the server filter closed proposals by published or not', async () => {
    await settle();
    const all = http.expectOne((r) => r.url === '/api/proposals');
    expect(all.request.params.get('state')).toBe('closed');
    expect(all.request.params.has('published')).toBe(false);
    all.flush({ items: [], total: 0 });
    await settle();

    const labels = Array.from(fixture.nativeElement.querySelectorAll('label[nz-radio-button]')) as HTMLElement[];
    labels.find((l) => l.textContent?.includes('未公开'))?.click();
    await settle();
    const unpublished = http.expectOne((r) => r.url === '/api/proposals');
    expect(unpublished.request.params.get('published')).toBe('false');
    expect(unpublished.request.params.get('page')).toBe('1');
    unpublished.flush({ items: [], total: 0 });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('暂无已办结的提案');
  });

  it('maps each choice to the server filter', () => {
    expect(publishedFilter('all')).toBeUndefined();
    expect(publishedFilter('published')).toBe(true);
    expect(publishedFilter('unpublished')).toBe(false);
  });
});
