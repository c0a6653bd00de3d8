// Staff names by id, for the records that keep only who did what (a session's signer, an
// amendment's author, an adverse event's reporter, a practitioner's appointments). Every role may
// read the staff list; when it cannot be read, a record still says which staff member by id.

import { api } from './client';
import type { StaffMember } from './chartingTypes';
import type { Page } from './types';

export type StaffNames = Map<number, string>;

export function staffNamesOf(members: StaffMember[]): StaffNames {
  return new Map(members.map((member) => [member.id, member.full_name]));
}

export function loadStaffNames(): Promise<StaffNames> {
  return api.get<Page<StaffMember>>('/staff?limit=200').then((page) => staffNamesOf(page.items)).catch(() => new Map());
}

/** The staff member's name, or `staff member <id>` when the list does not hold them. */
export function staffName(names: StaffNames | null | undefined, id: number, unknown = `staff member ${id}`): string {
  return names?.get(id) ?? unknown;
}
