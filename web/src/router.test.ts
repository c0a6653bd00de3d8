import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('matchRoute', () => {
  it('takes parameters from the path', () => {
    expect(matchRoute('/clients/:client_id', '/clients/42')).toEqual({ client_id: '42' });
  });
  it('matches literal parts exactly', () => {
    expect(matchRoute('/clients/new', '/clients/42')).toBeNull();
    expect(matchRoute('/', '/')).toEqual({});
  });
  it('needs the same number of parts', () => {
    expect(matchRoute('/clients/:client_id', '/clients/42/consultation')).toBeNull();
  });
  it('ignores the query and decodes parts', () => {
    expect(matchRoute('/x/:name', '/x/a%20b?y=1')).toEqual({ name: 'a b' });
  });
});
