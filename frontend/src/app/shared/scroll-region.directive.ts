import { afterEveryRender, Directive, ElementRef, inject, input } from '@angular/core';

/** The containers nz-table scrolls sideways in (`nzScroll.x`): `.ant-table-content`, or `.ant-table-body` with a fixed header. */
const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * On an `nz-table` whose rows may hold nothing focusable: while its body scrolls sideways (a narrow screen),
 * the scroll container takes the keyboard focus (tabindex 0, so arrow keys scroll it) and is a named region;
 * axe's "scrollable-region-focusable". Without a scroll region nothing is added.
 *
 *   <nz-table [nzScroll]="{ x: '760px' }" [appScrollRegion]="'admin.users.title' | translate">
 */
@Directive({ selector: '[appScrollRegion]' })
export class ScrollRegionDirective {
  /** The region's accessible name. */
  readonly appScrollRegion = input.required<string>();
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  constructor() {
    afterEveryRender({ write: () => this.mark() });
  }

  private mark(): void {
    const label = this.appScrollRegion();
    for (const el of Array.from(this.host.querySelectorAll<HTMLElement>(SCROLLERS))) {
      const scrolls = el.style.overflowX === 'auto' || el.style.overflowX === 'scroll';
      if (scrolls) {
        if (el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0');
        if (el.getAttribute('role') !== 'region') el.setAttribute('role', 'region');
        if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
      } else if (el.hasAttribute('tabindex')) {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    }
  }
}
