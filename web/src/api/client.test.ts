import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, query, setCsrfToken, setSignedOutHandler } from './client';

interface Sent {
  url: string;
  init: RequestInit;
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body === null ? null : JSON.stringify(body), { status, headers });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  setSignedOutHandler(() => {});
});

describe('api', () => {
  it('sends the CSRF token on writes but not on reads', async () => {
    setCsrfToken('token-1');
    const sent = answer(200, { ok: true });
    await api.get('/clients');
    await api.post('/clients', { given_name: 'A' });
    expect((sent[0]!.init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((sent[1]!.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('token-1');
    expect(sent[1]!.url).toBe('/api/v1/clients');
    expect(sent[1]!.init.body).toBe('{"given_name":"A"}');
  });

  it('reads the ETag and sends it back as If-Match', async () => {
    answer(200, { id: 1 }, { ETag: '"3"' });
    const { etag } = await api.getVersioned('/clients/1');
    const sent = answer(200, { id: 1 });
    await api.put('/clients/1', {}, etag);
    expect((sent[0]!.init.headers as Record<string, string>)['If-Match']).toBe('"3"');
  });

  it('throws the problem as a report, and a 401 signs the app out', async () => {
    const signedOut = vi.fn();
    setSignedOutHandler(signedOut);
    answer(401, { status: 401, title: 'Unauthorized' });
    const failure = await api.get('/clients').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).report.signedOut).toBe(true);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('leaves a refused sign-in on the sign-in form', async () => {
    const signedOut = vi.fn();
    setSignedOutHandler(signedOut);
    answer(401, { status: 401 });
    await expect(api.post('/session', { email: 'a', password: 'b' })).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('reports an unreachable server', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/today')).rejects.toMatchObject({ report: { status: 0 } });
  });
});

describe('query', () => {
  it('keeps only the values given', () => {
    expect(query({ q: 'doyle', birth_date: '', limit: 20, offset: undefined })).toBe('?q=doyle&limit=20');
    expect(query({})).toBe('');
  });
});
