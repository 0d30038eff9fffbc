import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ChangesAuthFacts } from '../auth/auth-facts-changed';
import { AdminApi, IdParam } from '../auth/roles.decorator';
import { DelegationsService } from './delegations.service';
import { DepartmentsService } from './departments.service';
import { AdminDepartmentDto, CreateDepartmentDto, DepartmentMembersDto, UpdateDepartmentDto } from './dto/department.dto';
import { CreateDelegationDto, DelegationDelegatesDto, DelegationDto, UpdateDelegationDto } from './dto/delegation.dto';

@AdminApi('departments')
@ChangesAuthFacts()
@Controller('admin/departments')
export class AdminDepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'All departments, inactive ones too, with leader, handlers and heads' })
  @ApiOkResponse({ type: [AdminDepartmentDto] })
  list() {
    return this.departments.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminDepartmentDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string) {
    return this.departments.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: AdminDepartmentDto })
  @ApiBadRequestResponse({ description: 'Field messages' })
  @ApiConflictResponse({ description: 'Code or name taken' })
  create(@Body() dto: CreateDepartmentDto) {
    return this.departments.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit (code, names, leader in charge, active); send the version you read' })
  @ApiOkResponse({ type: AdminDepartmentDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version (answers the current one) or code/name taken' })
  update(@IdParam() id: string, @Body() dto: UpdateDepartmentDto) {
    return this.departments.update(id, dto);
  }

  @Put(':id/members')
  @ApiOperation({ summary: 'Replace the handlers and heads' })
  @ApiOkResponse({ type: AdminDepartmentDto })
  @ApiNotFoundResponse()
  setMembers(@IdParam() id: string, @Body() dto: DepartmentMembersDto) {
    return this.departments.setMembers(id, dto);
  }
}

@AdminApi('delegations')
@ChangesAuthFacts()
@Controller('admin/delegations')
export class AdminDelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @ApiOkResponse({ type: [DelegationDto] })
  list() {
    return this.delegations.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: DelegationDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string) {
    return this.delegations.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: DelegationDto })
  @ApiBadRequestResponse({ description: 'Field messages' })
  @ApiConflictResponse({ description: 'Code or name taken' })
  create(@Body() dto: CreateDelegationDto) {
    return this.delegations.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit (code, names, head); send the version you read' })
  @ApiOkResponse({ type: DelegationDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version (answers the current one) or code/name taken' })
  update(@IdParam() id: string, @Body() dto: UpdateDelegationDto) {
    return this.delegations.update(id, dto);
  }

  @Put(':id/delegates')
  @ApiOperation({ summary: 'Replace the delegates' })
  @ApiOkResponse({ type: DelegationDto })
  @ApiNotFoundResponse()
  setDelegates(@IdParam() id: string, @Body() dto: DelegationDelegatesDto) {
    return this.delegations.setDelegates(id, dto);
  }
}
