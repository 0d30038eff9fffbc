import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * OpenAPI schemas of the figures' answers (the shapes are interfaces in @congress/api-types; these describe them
 * for /api/docs, where the university's own portal and scripts read them).
 */
const int = (description: string): SchemaObject => ({ type: 'integer', description });
const rate = (description: string): SchemaObject => ({ type: 'number', nullable: true, minimum: 0, maximum: 1, description });

export const FIGURE_COUNTS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'One definition each: backend/src/app/reports/figures.sql.ts',
  properties: {
    received: int('Reached the committee (submitted, not back with the proposer)'),
    accepted: int('立案: numbered, kind proposal, not merged/rejected/withdrawn'),
    merged: int('并案'),
    rejected: int('不予立案'),
    converted: int('转为意见建议'),
    withdrawn: int('撤回'),
    pendingReview: int('Waiting for the committee'),
    acceptanceRate: rate('立案率 = accepted / received'),
    assigned: int('交办'),
    inHandling: int('In a handling state now'),
    replied: int('The reply in force was approved and went out'),
    repliedOnTime: int('Replied on or before the due date in force'),
    onTimeRate: rate('按期答复率 = repliedOnTime / replied'),
    overdueNow: int('In handling past the due date'),
    gradeA: int('Replies of grade A'),
    gradeB: int('Replies of grade B'),
    gradeC: int('Replies of grade C'),
    evaluated: int('Lead proposer evaluated (proposals only)'),
    satisfied: int('满意'),
    basicallySatisfied: int('基本满意'),
    unsatisfied: int('不满意'),
    notEvaluated: int('Evaluation window passed without one'),
    awaitingEvaluation: int('Replied, window still open'),
    satisfactionRate: rate('满意率 = (satisfied + basicallySatisfied) / evaluated'),
    rehandled: int('Re-handled at least once'),
    medianDaysToReply: { type: 'number', nullable: true, description: 'Median days from assignment to the reply in force' },
    promisesFulfilled: int('Grade-B promises fulfilled'),
    promisesOpen: int('Grade-B promises still open'),
    contactsConfirmed: int('Contacts the proposer confirmed'),
    contactsDisputed: int('Contacts the proposer disputed'),
    contactsPending: int('Contacts not answered yet'),
  },
};

const SESSION: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    titleEn: { type: 'string', nullable: true },
    year: { type: 'integer' },
    term: { type: 'integer' },
    meeting: { type: 'integer' },
  },
};

export const FIGURE_GROUP_SCHEMA: SchemaObject = {
  allOf: [
    {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid', nullable: true, description: 'null: not yet classified / assigned' },
        name: { type: 'string', nullable: true },
        nameEn: { type: 'string', nullable: true },
      },
    },
    FIGURE_COUNTS_SCHEMA,
  ],
};

export const FIGURES_REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    session: SESSION,
    generatedAt: { type: 'string', format: 'date-time' },
    departmentIds: { type: 'array', items: { type: 'string', format: 'uuid' }, nullable: true, description: "A leader's departments; null: all" },
    total: FIGURE_COUNTS_SCHEMA,
    by: { type: 'string', enum: ['category', 'department'], nullable: true },
    groups: { type: 'array', items: FIGURE_GROUP_SCHEMA },
  },
};

export const TRENDS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    generatedAt: { type: 'string', format: 'date-time' },
    departmentIds: { type: 'array', items: { type: 'string', format: 'uuid' }, nullable: true },
    points: { type: 'array', items: { allOf: [{ type: 'object', properties: { session: SESSION } }, FIGURE_COUNTS_SCHEMA] } },
  },
};

export const DEPARTMENT_EVALUATION_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    session: SESSION,
    generatedAt: { type: 'string', format: 'date-time' },
    rankedBy: { type: 'string' },
    rows: { type: 'array', items: { allOf: [{ type: 'object', properties: { rank: { type: 'integer' } } }, FIGURE_GROUP_SCHEMA] } },
  },
};

export const PUBLIC_FIGURES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    session: SESSION,
    generatedAt: { type: 'string', format: 'date-time' },
    total: FIGURE_COUNTS_SCHEMA,
    byCategory: { type: 'array', items: FIGURE_GROUP_SCHEMA },
    byDepartment: { type: 'array', items: FIGURE_GROUP_SCHEMA },
  },
};
