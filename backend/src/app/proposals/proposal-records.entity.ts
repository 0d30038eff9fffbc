import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What is recorded about a proposal besides its row: co-signers, replies, co-handling input, contacts,
 * evaluations, comments and requests. Written by the workflow (side records of events) and by the draft
 * service (invitations); read by the detail query.
 */

export type CosignerStatus = 'invited' | 'confirmed' | 'declined';

/** 附议人: invited by the lead proposer, joined openly while co-signing, or added by a MERGE. */
@Entity('proposal_cosigners')
export class ProposalCosigner {
  @PrimaryColumn({ type: 'uuid' }) proposalId: string;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 10, default: 'invited' }) status: CosignerStatus;
  @Column({ type: 'varchar', length: 8, default: 'invited' }) source: 'invited' | 'open' | 'merge';
  @Column({ type: 'timestamptz', nullable: true }) invitedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** 答复: one row per SUBMIT_REPLY; `round` counts handling rounds (re-handling starts a new one). */
@Entity('proposal_replies')
export class ProposalReply {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'integer', default: 1 }) round: number;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'char', length: 1 }) grade: 'A' | 'B' | 'C';
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'timestamptz', nullable: true }) plannedAt: Date | null;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: 'pending' | 'sentBack' | 'approved';
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionComment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** 协办意见: a co-handling department's input. */
@Entity('proposal_contributions')
export class ProposalContribution {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'integer', default: 1 }) round: number;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) content: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** 沟通记录: a contact a department logged, which the lead proposer confirms or disputes. */
@Entity('proposal_contacts')
export class ProposalContact {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid' }) loggedBy: string;
  @Column({ type: 'varchar', length: 10 }) method: string;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'timestamptz' }) contactedAt: Date;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: 'pending' | 'confirmed' | 'disputed';
  @Column({ type: 'text', nullable: true }) proposerComment: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** 满意度测评: the lead proposer's evaluation and co-signers' own, counted apart (`role`). */
@Entity('proposal_evaluations')
export class ProposalEvaluation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'integer', default: 1 }) round: number;
  @Column({ type: 'uuid' }) evaluatorId: string;
  @Column({ type: 'varchar', length: 8 }) role: 'lead' | 'cosigner';
  @Column({ type: 'varchar', length: 20 }) satisfaction: 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Comments: internal (committee only) or shared with the proposer; `progress` rows are grade-B updates. */
@Entity('proposal_comments')
export class ProposalComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 10, default: 'comment' }) kind: 'comment' | 'progress';
  @Column({ type: 'boolean', default: false }) internal: boolean;
  @Column({ type: 'text' }) content: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** 延期 / 改办 requests and the committee's decision. */
@Entity('proposal_requests')
export class ProposalRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @Column({ type: 'varchar', length: 12 }) kind: 'extension' | 'reassignment';
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'timestamptz', nullable: true }) requestedDueAt: Date | null;
  @Column({ type: 'integer', nullable: true }) extensionDays: number | null;
  /** `lapsed`: the handling period it was asked in ended (reply approved, reassigned) before a decision. */
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: 'pending' | 'approved' | 'denied' | 'lapsed';
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionComment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const PROPOSAL_RECORD_ENTITIES = [
  ProposalCosigner,
  ProposalReply,
  ProposalContribution,
  ProposalContact,
  ProposalEvaluation,
  ProposalComment,
  ProposalRequest,
];
