// Loading data for a screen, and submitting forms, with the error report kept for display.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { ErrorReport } from '../api/problem';

function toReport(error: unknown): ErrorReport {
  if (error instanceof ApiError) return error.report;
  return { status: 0, message: String(error), fields: {}, signedOut: false, stale: false };
}

export interface Loaded<T> {
  data: T | null;
  error: ErrorReport | null;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorReport | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((value) => live && (setData(value), setError(null)))
      .catch((failure: unknown) => live && setError(toReport(failure)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

export interface Submitter {
  busy: boolean;
  error: ErrorReport | null;
  run: (action: () => Promise<void>) => Promise<void>;
  clear: () => void;
}

export function useSubmit(): Submitter {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReport | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toReport(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
