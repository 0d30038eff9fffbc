import { existsSync } from 'node:fs';

/** A font file with Chinese glyphs for PDFs, and for a collection (.ttc) the font's PostScript name in it. */
export interface CjkFont {
  path: string;
  name?: string;
}

const CANDIDATES: CjkFont[] = [
  // Debian: fonts-wqy-microhei
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  // Debian: fonts-noto-cjk
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
];

export const FONT_HELP =
  'PDF export needs a font with Chinese glyphs: install the Debian package fonts-wqy-microhei (or fonts-noto-cjk), ' +
  'or set PDF_FONT_PATH to a .ttf/.otf (and PDF_FONT_NAME to the font name inside a .ttc collection).';

/** PDF_FONT_PATH (+ PDF_FONT_NAME for a .ttc) first, then the Debian font packages; null when none is there. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  if (env.PDF_FONT_PATH) {
    return existsSync(env.PDF_FONT_PATH) ? { path: env.PDF_FONT_PATH, name: env.PDF_FONT_NAME || undefined } : null;
  }
  return CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}
