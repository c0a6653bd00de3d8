// The administration hub: staff and licences, inventory, recall, the knowledge base, the audit log,
// each shown to the roles allowed to use it.

import '../recordScreens.css';
import { Link } from '../components/Link';
import { useCan } from '../session';

const kAdminScreens = [
  { href: '/admin/staff', label: 'Staff and licences', permission: 'read_staff', about: 'Who works here, their roles, licences and sign-in accounts.' },
  { href: '/admin/inventory', label: 'Devices, lots and products', permission: 'read_inventory', about: 'What is in service and on the shelf, and what expires soon.' },
  { href: '/admin/recall', label: 'Recall search', permission: 'recall', about: 'Every session that used a cartridge or product lot.' },
  { href: '/admin/knowledge-base', label: 'Knowledge base', permission: '', about: 'The rules Corium applies, with their sources (read-only).' },
  { href: '/admin/audit-log', label: 'Audit log', permission: 'read_audit', about: 'Who did what to which record, and when.' },
];

export function AdminScreen() {
  const can = useCan();
  return (
    <>
      <h1>Administration</h1>
      <ul class="list-plain">
        {kAdminScreens.filter((screen) => !screen.permission || can(screen.permission)).map((screen) => (
          <li key={screen.href}>
            <Link href={screen.href}>{screen.label}</Link>
            <p class="muted small">{screen.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
