import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RosterImportController } from './roster/roster-import.controller';
import { RosterImportService } from './roster/roster-import.service';
import { User } from './user.entity';
import { AdminUsersController, DirectoryController } from './users.controller';
import { UsersService } from './users.service';

/** Users: the admin API, the roster import and the directory every user may search. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [AdminUsersController, RosterImportController, DirectoryController],
  providers: [UsersService, RosterImportService],
  exports: [UsersService],
})
export class AccountsModule {}
