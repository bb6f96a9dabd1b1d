import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { refusalErrors } from './issues.ts';

describe('a form refused by the server', () => {
  it('shows the server’s issues beside the fields they name', () => {
    const invalid = new ApiError(400, 'invalid_input', 'Invalid input', [{ path: 'reason', message: 'a reason is required' }]);
    expect(refusalErrors(invalid, 'Not saved')).toEqual({ reason: 'a reason is required' });
  });

  it('places the issues on the form’s own fields first', () => {
    const invalid = new ApiError(400, 'invalid_input', 'Invalid input', [{ path: 'resources.0.quantity', message: 'must be at most 500' }]);
    expect(refusalErrors(invalid, 'Not saved', () => ({ 'quantity.DSA': 'must be at most 500' }))).toEqual({ 'quantity.DSA': 'must be at most 500' });
  });

  it('says the refusal above the form when no field is named', () => {
    expect(refusalErrors(new ApiError(409, 'request_closed', 'closed'), 'This request is already closed.')).toEqual({ '': 'This request is already closed.' });
    expect(refusalErrors(new Error('offline'), 'Not saved: offline')).toEqual({ '': 'Not saved: offline' });
  });
});
