import { describe, expect, it } from 'vitest';
import { parseProblem, reportProblem, unclaimedFieldMessages } from './problem';

describe('reportProblem', () => {
  it('puts each 422 field message under its JSON path', () => {
    const report = reportProblem(parseProblem(422, {
      type: 'about:blank', title: 'Invalid input', status: 422,
      errors: [{ path: 'conditions[2].code', message: 'is not a known condition' }, { path: 'birth_date', message: 'is in the future' }],
    }));
    expect(report.fields).toEqual({ 'conditions[2].code': 'is not a known condition', birth_date: 'is in the future' });
    expect(report.message).toBe('Some fields need attention.');
  });

  it('joins two messages for the same field', () => {
    const report = reportProblem(parseProblem(422, { errors: [{ path: 'email', message: 'is blank.' }, { path: 'email', message: 'is too long.' }] }));
    expect(report.fields['email']).toBe('is blank. is too long.');
  });

  it('sends a 401 back to sign-in', () => {
    const report = reportProblem(parseProblem(401, { title: 'Unauthorized', detail: 'session ended' }));
    expect(report.signedOut).toBe(true);
    expect(report.message).toMatch(/sign in again/);
  });

  it('asks for a reload on a stale If-Match', () => {
    expect(reportProblem(parseProblem(412, {})).stale).toBe(true);
    expect(reportProblem(parseProblem(428, {})).stale).toBe(true);
    expect(reportProblem(parseProblem(409, {})).stale).toBe(false);
  });

  it('adds the server detail to a refusal', () => {
    const report = reportProblem(parseProblem(403, { title: 'Forbidden', detail: 'Only a prescriber may override a screening.' }));
    expect(report.message).toBe('Your role does not allow this. Only a prescriber may override a screening.');
  });

  it('survives a body that is not a problem', () => {
    const report = reportProblem(parseProblem(502, 'Bad gateway'));
    expect(report.message).toMatch(/server could not complete/);
    expect(report.fields).toEqual({});
  });

  it('drops malformed field errors', () => {
    expect(parseProblem(422, { errors: [{ path: 3 }, null, { path: 'a', message: 'b' }] }).errors).toEqual([{ path: 'a', message: 'b' }]);
  });

  it('lists the field messages no input claims', () => {
    const report = reportProblem(parseProblem(422, { errors: [{ path: 'a', message: 'x' }, { path: 'b', message: 'y' }] }));
    expect(unclaimedFieldMessages(report, (path) => path === 'a')).toEqual(['b: y']);
  });
});
