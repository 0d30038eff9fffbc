import type { DataSourceOptions } from 'typeorm';
import { User } from '../app/accounts/user.entity';
import { CalendarDay } from '../app/organisation/calendar-day.entity';
import { Category } from '../app/organisation/category.entity';
import { CongressSession } from '../app/organisation/congress-session.entity';
import { Delegation } from '../app/organisation/delegation.entity';
import { Department, DepartmentMember } from '../app/organisation/department.entity';
import { Attachment } from '../app/attachments/attachment.entity';
import { Notification, NotificationDelivery } from '../app/notifications/notification.entity';
import { OutboxMessage } from '../app/outbox/outbox-message.entity';
import { Proposal } from '../app/proposals/proposal.entity';
import { QueueJob } from '../app/queues/queue-job.entity';
import { PROPOSAL_RECORD_ENTITIES } from '../app/proposals/proposal-records.entity';
import { HistoryRecord, NumberCounter } from '../app/workflow/history-record.entity';
import { AdminAuditEntry } from '../app/security/admin-audit.entity';

type EntityList = NonNullable<DataSourceOptions['entities']>;

/** Every TypeORM entity of the backend, listed once for Nest, the CLI and the tests. */
export const ENTITIES: EntityList = [User, Delegation, Department, DepartmentMember, CongressSession, Category, CalendarDay,
  Proposal, ...PROPOSAL_RECORD_ENTITIES, HistoryRecord, NumberCounter, Attachment, OutboxMessage,
  QueueJob, Notification, NotificationDelivery, AdminAuditEntry];
