import type { Block } from './blocks';
import type { ExportRow } from './export-rows';
import { day, EVALUATION_LABELS, GRADE_LABELS, label } from './labels';

/** 提案汇编: a proposal and its reply in force, as printed blocks (each proposal starts a page). */
export function proposalBlocks(r: ExportRow, first: boolean): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: `第${r.numberLabel}号提案\u3000${r.title}`, newPage: !first },
    { kind: 'field', label: '领衔人', text: r.delegationName ? `${r.leadProposerName}（${r.delegationName}）` : r.leadProposerName },
  ];
  if (r.cosignerNames.length) blocks.push({ kind: 'field', label: '附议人', text: r.cosignerNames.join('、') });
  blocks.push(
    { kind: 'field', label: '类别', text: r.categoryName ?? '未分类' },
    {
      kind: 'field',
      label: '承办单位',
      text: [r.leadDepartmentName ? `${r.leadDepartmentName}（主办）` : '未交办', ...r.coDepartmentNames.map((n) => `${n}（协办）`)].join('、'),
    },
    { kind: 'field', label: '理由', text: '' },
    { kind: 'para', text: r.background },
    { kind: 'field', label: '建议', text: '' },
    { kind: 'para', text: r.suggestions },
  );
  if (r.replyContent) {
    const planned = r.grade === 'B' && r.replyPlannedAt ? `，计划完成：${day(r.replyPlannedAt)}` : '';
    blocks.push(
      { kind: 'field', label: '答复', text: `${r.replyDepartmentName ?? ''}\u3000${day(r.repliedAt)}\u3000${label(GRADE_LABELS, r.grade)}${planned}` },
      { kind: 'para', text: r.replyContent },
    );
    if (r.evaluation) blocks.push({ kind: 'field', label: '测评', text: label(EVALUATION_LABELS, r.evaluation) });
  } else {
    blocks.push({ kind: 'field', label: '答复', text: '尚未答复' });
  }
  return blocks;
}

/** The whole compilation: a title page, then every proposal of the batches, as the batches arrive. */
export async function* compilationBlocks(sessionTitle: string, batches: AsyncIterable<ExportRow[]>): AsyncGenerator<Block[]> {
  yield [
    { kind: 'title', text: `${sessionTitle}提案汇编` },
    { kind: 'subtitle', text: '提案工作委员会编' },
  ];
  let first = true;
  for await (const rows of batches) {
    yield rows.flatMap((r) => {
      const b = proposalBlocks(r, first);
      first = false;
      return b;
    });
  }
  if (first) yield [{ kind: 'para', text: '本届会议尚无立案提案。' }];
}
