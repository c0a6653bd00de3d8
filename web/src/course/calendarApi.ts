// The calendar's reads shared by the course timeline, the booking form and the clinic calendar.

import { api } from '../api/client';
import type { AppointmentList, AppointmentType, Room, Slot } from '../api/courseTypes';
import { loadStaffNames, staffName as nameOf, type StaffNames } from '../api/staffNames';
import type { ClinicDay } from './clinicTime';

/** Where a clinic day starts and ends, as the diary gives it, with that day's appointments. */
export async function loadClinicDay(date: string, query = ''): Promise<ClinicDay & { list: AppointmentList }> {
  const list = await api.get<AppointmentList>(`/appointments?date=${date}&days=1${query}`);
  return { date, from: list.from, to: list.to, list };
}

export interface CalendarResources {
  staff: StaffNames;
  rooms: Map<number, string>;
  types: AppointmentType[];
}

export async function loadCalendarResources(): Promise<CalendarResources> {
  const [staff, rooms, types] = await Promise.all([
    loadStaffNames(),
    api.get<{ items: Room[] }>('/rooms').then((list) => list.items),
    api.get<{ items: AppointmentType[] }>('/appointment-types').then((list) => list.items),
  ]);
  return {
    staff,
    rooms: new Map(rooms.map((room) => [room.id, room.name])),
    types,
  };
}

export function findSlots(typeId: number, from: number, count = 6): Promise<Slot[]> {
  return api.get<{ items: Slot[] }>(`/slots?type_id=${typeId}&from=${from}&count=${count}`).then((list) => list.items);
}

export function staffName(resources: CalendarResources, id: number): string {
  return nameOf(resources.staff, id, `Practitioner ${id}`);
}

export function roomName(resources: CalendarResources, id: number | null): string {
  return id === null ? 'no room' : (resources.rooms.get(id) ?? `Room ${id}`);
}
