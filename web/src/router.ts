// A small history router: routes are patterns such as `/clients/:client_id`, matched in order.

import { useEffect, useState } from 'preact/hooks';

export type RouteParams = Record<string, string>;

/** The parameters of `path` under `pattern`, or null when it does not match. */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('?')[0]!.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i]!;
    const actual = decodeURIComponent(pathParts[i]!);
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

const kChange = 'corium:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(kChange));
  window.scrollTo(0, 0);
}

export interface Location {
  path: string;
  search: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(kChange, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(kChange, update);
    };
  }, []);
  return location;
}
