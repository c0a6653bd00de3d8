import { describe, expect, test } from 'vitest';
import type { StaffMember } from './chartingTypes';
import { staffName, staffNamesOf } from './staffNames';

const member = (id: number, full_name: string): StaffMember => ({
  id, full_name, email: '', role: 'nurse', jurisdiction: 'US-CO', licence_number: '', licence_expires_on: null,
  supervising_physician_id: null, active: true, version: 1,
});

describe('staffName', () => {
  const names = staffNamesOf([member(3, 'Olivia Tran, RN'), member(7, 'Dr Ravi Menon')]);

  test('names the staff member the list holds', () => {
    expect(staffName(names, 3)).toBe('Olivia Tran, RN');
    expect(staffName(names, 7)).toBe('Dr Ravi Menon');
  });

  test('says which staff member by id when the list lacks them or could not be read', () => {
    expect(staffName(names, 12)).toBe('staff member 12');
    expect(staffName(null, 3)).toBe('staff member 3');
    expect(staffName(new Map(), 5, 'Practitioner 5')).toBe('Practitioner 5');
  });
});
