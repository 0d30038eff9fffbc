import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 承办单位 (table `departments`): code like `jwc`, the leader in charge (分管校领导) in `leader_id` → users. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ type: 'uuid', nullable: true })
  leaderId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

export type DepartmentMemberRole = 'handler' | 'head';

/** Who works for a department (table `department_members`): handlers (承办人) and heads (部门负责人). */
@Entity('department_members')
export class DepartmentMember {
  @PrimaryColumn({ type: 'uuid' })
  departmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  role: DepartmentMemberRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
