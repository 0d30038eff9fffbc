import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Category } from './category.entity';
import { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { rethrowUniqueViolation, updateVersioned } from './versioned-update';

const toDto = (c: Category): CategoryDto => ({
  id: c.id,
  name: c.name,
  nameEn: c.nameEn,
  sortOrder: c.sortOrder,
  active: c.active,
  version: c.version,
});
const clash = (name?: string) => ({ categories_name_key: `category ${name} exists already` });

/** 类别, admin-editable; the inactive ones stay for old proposals but are not offered. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(Category) private readonly repo: Repository<Category>,
  ) {}

  async list(opts: { activeOnly?: boolean } = {}): Promise<CategoryDto[]> {
    const rows = await this.repo.find({
      where: opts.activeOnly ? { active: true } : {},
      order: { sortOrder: 'ASC', name: 'ASC' },
    });
    return rows.map(toDto);
  }

  async get(id: string): Promise<CategoryDto> {
    const row = await this.repo.findOne({ where: { id } });
    if (!row) throw new NotFoundException(`Category ${id} not found`);
    return toDto(row);
  }

  async create(dto: CreateCategoryDto): Promise<CategoryDto> {
    try {
      const rows = (await this.db.query(
        `INSERT INTO categories (name, name_en, sort_order, active) VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.name, dto.nameEn ?? null, dto.sortOrder ?? 0, dto.active ?? true],
      )) as { id: string }[];
      return this.get(rows[0].id);
    } catch (err) {
      rethrowUniqueViolation(err, clash(dto.name));
    }
  }

  async update(id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    try {
      await updateVersioned(this.db.manager, 'categories', 'Category', id, dto.version, {
        name: dto.name,
        name_en: dto.nameEn,
        sort_order: dto.sortOrder,
        active: dto.active,
      });
    } catch (err) {
      rethrowUniqueViolation(err, clash(dto.name));
    }
    return this.get(id);
  }
}
