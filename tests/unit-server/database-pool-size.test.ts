// DATABASE_POOL_SIZE: the connections each server process opens to PostgreSQL, small by default, refused at start when it is not a positive whole number.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { DEFAULT_POOL_SIZE } from '../../src-server/db/database.js';

describe('DATABASE_POOL_SIZE', () => {
  it('is 4 per process unless set', () => {
    expect(DEFAULT_POOL_SIZE).toBe(4);
    expect(loadConfig({ NODE_ENV: 'test' }).databasePoolSize).toBe(DEFAULT_POOL_SIZE);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
  });

  it.each(['0', '-2', '2.5', 'many'])('refuses %s at start, naming the setting', (value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
