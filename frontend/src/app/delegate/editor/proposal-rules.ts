import { PROPOSAL_BACKGROUND_MIN, PROPOSAL_SUGGESTIONS_MIN, PROPOSAL_TITLE_MAX } from '@congress/api-types';

/** Characters as the server counts them: code points of the trimmed text (a Chinese character is one). */
export function charCount(text: string | null | undefined): number {
  return [...(text ?? '').trim()].length;
}

export interface DraftText {
  title: string;
  background: string;
  suggestions: string;
}

/** A problem with one field, as a translation key and its parameters. */
export interface Problem {
  field: keyof DraftText;
  key: string;
  params?: Record<string, number>;
}

/** What stops saving a draft: a title (one matter per proposal) of at most 200 characters. */
export function draftProblems(text: DraftText): Problem[] {
  const title = charCount(text.title);
  if (title === 0) return [{ field: 'title', key: 'editor.errors.titleRequired' }];
  if (title > PROPOSAL_TITLE_MAX) return [{ field: 'title', key: 'editor.errors.titleTooLong', params: { max: PROPOSAL_TITLE_MAX } }];
  return [];
}

/** What stops submitting (domain.md): the draft's own problems, background ≥ 50 and suggestions ≥ 30 characters. */
export function submitProblems(text: DraftText): Problem[] {
  const problems = draftProblems(text);
  const background = charCount(text.background);
  if (background < PROPOSAL_BACKGROUND_MIN) {
    problems.push({ field: 'background', key: 'editor.errors.backgroundShort', params: { min: PROPOSAL_BACKGROUND_MIN, count: background } });
  }
  const suggestions = charCount(text.suggestions);
  if (suggestions < PROPOSAL_SUGGESTIONS_MIN) {
    problems.push({ field: 'suggestions', key: 'editor.errors.suggestionsShort', params: { min: PROPOSAL_SUGGESTIONS_MIN, count: suggestions } });
  }
  return problems;
}

export const LIMITS = { titleMax: PROPOSAL_TITLE_MAX, backgroundMin: PROPOSAL_BACKGROUND_MIN, suggestionsMin: PROPOSAL_SUGGESTIONS_MIN };
