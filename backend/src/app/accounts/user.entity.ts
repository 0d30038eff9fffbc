import type { AuthSource, Language, Role } from '@congress/api-types';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person who logs in (table `users`). Roles are a text[] of domain.md's roles; membership of departments
 * lives in `department_members`, of a delegation in `delegation_id`. `token_version` is part of every JWT:
 * bumping it ends all of the user's sessions. `auth_source` + `external_id` leave room for the university's
 * single sign-on (see app/auth/README.md). Username is unique case-insensitively (index on lower(username)).
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  @Column({ type: 'varchar', length: 8, default: 'zh-CN' })
  language: Language;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @Column({ type: 'varchar', length: 8, default: 'local' })
  authSource: AuthSource;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  delegationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic lock: updates run `… WHERE id = $1 AND version = $2` (see organisation/versioned-update.ts). */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
