// The frame around every signed-in screen: the clinic's navigation, who is signed in, sign-out.

import type { ComponentChildren } from 'preact';
import { api, setCsrfToken } from '../api/client';
import { useSession } from '../session';
import { Link } from './Link';

interface NavItem {
  href: string;
  label: string;
  permission?: string;
}

/** Main screens; an item shows only to roles holding its permission. */
const kNavigation: NavItem[] = [
  { href: '/', label: 'Today' },
  { href: '/clients', label: 'Clients', permission: 'read_clients' },
  { href: '/calendar', label: 'Calendar', permission: 'read_calendar' },
  { href: '/admin', label: 'Admin', permission: 'read_staff' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function AppShell({ children, path, onSignOut }: { children: ComponentChildren; path: string; onSignOut: () => void }) {
  const session = useSession();
  const signOut = async () => {
    try {
      await api.del('/session');
    } finally {
      setCsrfToken(undefined);
      onSignOut();
    }
  };
  return (
    <div class="shell">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <span class="brand" aria-label="Corium">Corium</span>
        <nav aria-label="Main">
          <ul>
            {kNavigation
              .filter((item) => !item.permission || session.permissions.includes(item.permission))
              .map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {session.full_name} <span class="role">({session.role.replace(/_/g, ' ')})</span>
          </span>
          <button type="button" class="button secondary small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
