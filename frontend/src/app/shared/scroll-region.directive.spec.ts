import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ScrollRegionDirective } from './scroll-region.directive';

@Component({
  imports: [NzTableModule, ScrollRegionDirective],
  template: `
    <nz-table #t [nzData]="rows()" [nzFrontPagination]="false" [nzScroll]="rows().length ? { x: '760px' } : {}" appScrollRegion="用户">
      <thead><tr><th scope="col">name</th></tr></thead>
      <tbody>
        @for (r of t.data; track r) {
          <tr><td>{{ r }}</td></tr>
        }
      </tbody>
    </nz-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly rows = signal<string[]>([]);
}

describe('a table whose rows hold nothing focusable', () => {
  it('makes its sideways scroll region focusable and named, and only while there is one', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const el: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    expect(el.querySelector('[tabindex="0"]')).toBeNull();

    fixture.componentInstance.rows.set(['zhang', 'wang']);
    await settle();
    const region = el.querySelector('.ant-table-content') as HTMLElement;
    expect(region.style.overflowX).toBe('auto');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toBe('用户');

    fixture.componentInstance.rows.set([]);
    await settle();
    expect(el.querySelector('[tabindex="0"]')).toBeNull();
  });
});
