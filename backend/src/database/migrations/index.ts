import type { DataSourceOptions } from 'typeorm';
import { AccountsOrganisation1764400000000 } from './1764400000000-accounts-organisation';
import { Proposals1764500000000 } from './1764500000000-proposals';
import { NotificationsReminders1764800000000 } from './1764800000000-notifications-reminders';
import { AdminAudit1764900000000 } from './1764900000000-admin-audit';
import { ListIndexes1765000000000 } from './1765000000000-list-indexes';
import { FigureColumns1765100000000 } from './1765100000000-figure-columns';
import { AuthFactsNotify1765200000000 } from './1765200000000-auth-facts-notify';
import { ProposalNextVersion1765300000000 } from './1765300000000-proposal-next-version';
import { FigureStamps1765400000000 } from './1765400000000-figure-stamps';
import { SearchBigrams1765500000000 } from './1765500000000-search-bigrams';
import { PortalStamps1765600000000 } from './1765600000000-portal-stamps';
import { ListCoveringIndex1765700000000 } from './1765700000000-list-covering-index';
import { OutboxWakeAfterCommit1765800000000 } from './1765800000000-outbox-wake-after-commit';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: NonNullable<DataSourceOptions['migrations']> = [
  AccountsOrganisation1764400000000,
  Proposals1764500000000,
  NotificationsReminders1764800000000,
  AdminAudit1764900000000,
  ListIndexes1765000000000,
  FigureColumns1765100000000,
  AuthFactsNotify1765200000000,
  ProposalNextVersion1765300000000,
  FigureStamps1765400000000,
  SearchBigrams1765500000000,
  PortalStamps1765600000000,
  ListCoveringIndex1765700000000,
  OutboxWakeAfterCommit1765800000000,
];
