-- Corium calendar, PostgreSQL. Mirrors migrations/sqlite/0003_calendar.sql table for table.
-- Conventions as in 0001: instants are BIGINT seconds since the epoch (UTC); booleans BIGINT 0/1;
-- every row carries clinic_id (the tenant). Local times (working hours) are minutes after local
-- midnight in the clinic's zone (clinics.time_zone), turned into instants only by the app layer.

-- Treatment rooms. A room, a practitioner (staff) and a device (a pen is a resource too) are the
-- bookable resources; each is named in resource_occupancy by its kind and its own table's id.
CREATE TABLE rooms (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  UNIQUE (clinic_id, name)
);

-- A practitioner's weekly working hours in the clinic's local time; weekday 1 = Monday … 7 = Sunday
-- (ISO 8601). Several spans a day are allowed (a lunch break splits the day).
CREATE TABLE working_hours (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  staff_id BIGINT NOT NULL REFERENCES staff(id),
  weekday BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute BIGINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute BIGINT NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute),
  UNIQUE (staff_id, weekday, start_minute)
);
CREATE INDEX working_hours_by_clinic ON working_hours (clinic_id, staff_id);

-- What can be booked: its length (a whole number of 15-minute slots) and what it needs besides a
-- practitioner: a room, and a device of a vocabulary kind (pen, roller…) when device_kind is set.
-- Its purpose decides the messages a booking enqueues: every appointment gets a reminder; only a
-- treatment session gets preparation notes before it and aftercare check-ins after it.
CREATE TABLE appointment_types (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  purpose TEXT NOT NULL CHECK (purpose IN ('consultation', 'session', 'review')),
  duration_minutes BIGINT NOT NULL CHECK (duration_minutes > 0 AND duration_minutes % 15 = 0),
  needs_room BIGINT NOT NULL DEFAULT 1 CHECK (needs_room IN (0, 1)),
  device_kind TEXT,
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  UNIQUE (clinic_id, name)
);

CREATE TABLE appointments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  plan_id BIGINT REFERENCES plans(id),
  type_id BIGINT NOT NULL REFERENCES appointment_types(id),
  practitioner_id BIGINT NOT NULL REFERENCES staff(id),
  room_id BIGINT REFERENCES rooms(id),
  device_id BIGINT REFERENCES devices(id),
  starts_at BIGINT NOT NULL CHECK (starts_at % 900 = 0),
  ends_at BIGINT NOT NULL CHECK (ends_at % 900 = 0),
  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES staff(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX appointments_by_time ON appointments (clinic_id, starts_at);
CREATE INDEX appointments_by_client ON appointments (clinic_id, client_id, starts_at);
CREATE INDEX appointments_by_practitioner ON appointments (practitioner_id, starts_at);

-- Double booking made impossible by the database: a booked appointment holds one row per resource
-- per 15-minute slot it covers, written in the appointment's transaction; two appointments
-- overlapping on any resource collide on this primary key, whichever process writes second.
-- Cancelling or moving an appointment deletes its rows in the same transaction.
CREATE TABLE resource_occupancy (
  resource_kind TEXT NOT NULL CHECK (resource_kind IN ('practitioner', 'room', 'device')),
  resource_id BIGINT NOT NULL,
  slot_start BIGINT NOT NULL CHECK (slot_start % 900 = 0),
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  appointment_id BIGINT NOT NULL REFERENCES appointments(id),
  PRIMARY KEY (resource_kind, resource_id, slot_start)
);
CREATE INDEX resource_occupancy_by_appointment ON resource_occupancy (appointment_id);

-- Messages due (reminders, preparation, aftercare check-ins), enqueued in the booking's
-- transaction. The idempotency key names the message's purpose ("appointment:12:reminder_48h"),
-- so it is enqueued and delivered at most once, even across restarts.
CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  appointment_id BIGINT REFERENCES appointments(id),
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
  attempts BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_by_appointment ON outbox (appointment_id);
