/** The name of a department, category or session in the interface language (English falls back to Chinese). */
export function localName(item: { name: string; nameEn: string | null } | null | undefined, lang: string): string {
  if (!item) return '';
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
