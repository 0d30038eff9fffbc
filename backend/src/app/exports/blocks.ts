/**
 * What a printed document says, independent of its format: the compilation and the work report are built once
 * as blocks and drawn by docx-render.ts (Word) and pdf-render.ts (PDF), so the two always say the same.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string; newPage?: boolean }
  | { kind: 'para'; text: string }
  /** A labelled line: 【领衔人】张伟 */
  | { kind: 'field'; label: string; text: string }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths: number[] };
