import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminDelegationsController, AdminDepartmentsController } from './admin-organisation.controller';
import { AdminCalendarController, AdminCategoriesController, AdminSessionsController } from './admin-sessions.controller';
import { CalendarDay } from './calendar-day.entity';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { CongressSession } from './congress-session.entity';
import { Delegation } from './delegation.entity';
import { DelegationsService } from './delegations.service';
import { Department, DepartmentMember } from './department.entity';
import { DepartmentsService } from './departments.service';
import { OrganisationController } from './organisation.controller';
import { SessionsService } from './sessions.service';
import { WorkingCalendarService } from './working-calendar.service';

/**
 * Departments, delegations, congress sessions (with rules), categories and the working-day calendar.
 * Exports WorkingCalendarService (deadlines) and the read services the proposals work needs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Department, DepartmentMember, Delegation, CongressSession, Category, CalendarDay])],
  controllers: [
    OrganisationController,
    AdminDepartmentsController,
    AdminDelegationsController,
    AdminSessionsController,
    AdminCategoriesController,
    AdminCalendarController,
  ],
  providers: [DepartmentsService, DelegationsService, SessionsService, CategoriesService, WorkingCalendarService],
  exports: [DepartmentsService, DelegationsService, SessionsService, CategoriesService, WorkingCalendarService],
})
export class OrganisationModule {}
