// Staff and licences: who works at the clinic, their licences with expiry warnings, and their
// sign-in accounts; admins add staff members and grant accounts.

import '../recordScreens.css';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { unclaimedFieldMessages } from '../api/problem';
import type { Account, StaffMember } from '../api/chartingTypes';
import type { Page } from '../api/types';
import { loadVocabulary } from '../api/knowledge';
import { expiryStatus } from '../admin/adminForms';
import { ExpiryChip } from '../admin/ExpiryChip';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, SelectField, TextField } from '../components/Fields';
import { useLoad, useSubmit } from '../components/useAsync';
import { humanize, localToday } from '../format';
import { useCan } from '../session';

/** Licences are flagged this many days before they lapse (an administrative reminder, not a clinical rule). */
const kLicenceWarningDays = 60;
/** Roles that exist for running the clinic, beside the clinical roles of the vocabulary. */
const kOfficeRoles = ['admin', 'front_desk', 'auditor'];

async function load(canManage: boolean) {
  const [staff, accounts, vocabulary] = await Promise.all([
    api.get<Page<StaffMember>>('/staff?limit=200').then((page) => page.items),
    canManage ? api.get<{ items: Account[] }>('/accounts').then((body) => body.items) : Promise.resolve([] as Account[]),
    loadVocabulary().catch(() => null),
  ]);
  return { staff, accounts, roles: vocabulary?.roles ?? [] };
}

interface StaffForm { full_name: string; email: string; role: string; jurisdiction: string; licence_number: string; licence_expires_on: string; supervising_physician_id: string }
const kEmptyStaff: StaffForm = { full_name: '', email: '', role: '', jurisdiction: '', licence_number: '', licence_expires_on: '', supervising_physician_id: '' };

function NewStaffForm({ roles, prescribers, onAdded }: { roles: { value: string; label: string }[]; prescribers: StaffMember[]; onAdded: () => void }) {
  const [form, setForm] = useState<StaffForm>(kEmptyStaff);
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  const set = (key: keyof StaffForm) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post<StaffMember>('/staff', {
        full_name: form.full_name.trim(), email: form.email.trim(), role: form.role, jurisdiction: form.jurisdiction.trim(),
        licence_number: form.licence_number.trim(), licence_expires_on: form.licence_expires_on || null,
        supervising_physician_id: form.supervising_physician_id ? Number(form.supervising_physician_id) : null,
      });
      setForm(kEmptyStaff);
      onAdded();
    });
  };
  return (
    <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="new-staff-heading">
      <h2 id="new-staff-heading">Add a staff member</h2>
      <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => path in kEmptyStaff) : []} />
      <div class="grid-2">
        <TextField label="Full name" value={form.full_name} onInput={set('full_name')} error={fields['full_name']} />
        <TextField label="Email" type="email" value={form.email} onInput={set('email')} error={fields['email']} />
        <SelectField label="Role" value={form.role} onChange={set('role')} options={roles} placeholder="Choose…" error={fields['role']} />
        <TextField label="Jurisdiction" value={form.jurisdiction} onInput={set('jurisdiction')} help="e.g. US-UT" error={fields['jurisdiction']} />
        <TextField label="Licence number" value={form.licence_number} onInput={set('licence_number')} error={fields['licence_number']} />
        <TextField label="Licence expires on" type="date" value={form.licence_expires_on} onInput={set('licence_expires_on')} error={fields['licence_expires_on']} />
        <SelectField label="Supervising physician" value={form.supervising_physician_id} onChange={set('supervising_physician_id')} placeholder="None"
          options={prescribers.map((member) => ({ value: String(member.id), label: member.full_name }))} error={fields['supervising_physician_id']} />
      </div>
      <div class="actions"><button type="submit" class="button primary" disabled={submit.busy}>Add staff member</button></div>
    </form>
  );
}

function GrantAccountForm({ staff, onGranted }: { staff: StaffMember[]; onGranted: () => void }) {
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post<Account>('/accounts', { staff_id: Number(staffId) || null, password, admin });
      setStaffId('');
      setPassword('');
      onGranted();
    });
  };
  return (
    <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="grant-heading">
      <h2 id="grant-heading">Grant a sign-in account</h2>
      <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => ['staff_id', 'password'].includes(path)) : []} />
      <div class="grid-2">
        <SelectField label="Staff member" value={staffId} onChange={setStaffId} placeholder="Choose…" error={fields['staff_id']}
          options={staff.map((member) => ({ value: String(member.id), label: `${member.full_name} (${member.email})` }))} />
        <TextField label="First password" type="password" autocomplete="new-password" value={password} onInput={setPassword} error={fields['password']} />
      </div>
      <Checkbox label="Administrator of the clinic" checked={admin} onChange={setAdmin} />
      <div class="actions"><button type="submit" class="button primary" disabled={submit.busy}>Grant account</button></div>
    </form>
  );
}

export function StaffScreen() {
  const can = useCan();
  const canManage = can('manage_staff');
  const loaded = useLoad(() => load(canManage), [canManage]);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { staff, accounts, roles } = loaded.data;
  const today = localToday();
  const withAccount = new Set(accounts.map((account) => account.staff_id));
  const prescriberRoles = new Set(roles.filter((role) => role.prescriber).map((role) => role.code));
  const roleOptions = [...roles.map((role) => ({ value: role.code, label: role.label })), ...kOfficeRoles.map((role) => ({ value: role, label: humanize(role) }))];
  return (
    <>
      <h1>Staff and licences</h1>
      <section class="card" aria-labelledby="staff-heading">
        <h2 id="staff-heading">Staff</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Email</th><th scope="col">Licence</th><th scope="col">Licence expires</th>
                {canManage && <th scope="col">Account</th>}</tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.id}>
                  <td>{member.full_name}{!member.active && <span class="muted"> (inactive)</span>}</td>
                  <td>{humanize(member.role)}</td>
                  <td>{member.email}</td>
                  <td>{[member.jurisdiction, member.licence_number].filter(Boolean).join(' ') || '—'}</td>
                  <td><ExpiryChip date={member.licence_expires_on} status={expiryStatus(member.licence_expires_on, today, kLicenceWarningDays)} /></td>
                  {canManage && <td>{withAccount.has(member.id) ? 'Yes' : 'None'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {canManage && (
        <>
          <NewStaffForm roles={roleOptions} prescribers={staff.filter((member) => prescriberRoles.has(member.role))} onAdded={loaded.reload} />
          <GrantAccountForm staff={staff.filter((member) => member.active && !withAccount.has(member.id))} onGranted={loaded.reload} />
        </>
      )}
    </>
  );
}
