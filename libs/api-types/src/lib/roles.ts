/** The roles of domain.md; a person may hold several. */
export const ROLES = ['delegate', 'delegation_head', 'committee', 'handler', 'dept_head', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
