import { QueryFailedError, TypeORMError } from 'typeorm';
import { unavailableService } from './dependency-unavailable.filter';

describe('unavailableService', () => {
  const wrapped = (message: string, code?: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

  it('names the database for node-postgres connection failures, also inside TypeORM errors', () => {
    expect(unavailableService(wrapped('Connection terminated unexpectedly'))).toBe('database');
    expect(unavailableService(wrapped('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('database');
    expect(unavailableService(wrapped('the database system is shutting down', '57P03'))).toBe('database');
    // a request still running after the pool was closed at shutdown (queryPrepared sends through the pool)
    expect(unavailableService(wrapped('Cannot use a pool after calling end on the pool'))).toBe('database');
    // and a transaction begun after TypeORM's data source was destroyed
    expect(unavailableService(new TypeORMError('Driver not Connected'))).toBe('database');
  });

  it('leaves every other error alone', () => {
    expect(unavailableService(wrapped('division by zero', '22012'))).toBeNull();
    expect(unavailableService(wrapped('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(unavailableService(new Error('something else'))).toBeNull();
  });
});
