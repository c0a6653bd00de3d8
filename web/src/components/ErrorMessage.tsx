import type { ErrorReport } from '../api/problem';

interface ErrorMessageProps {
  report: ErrorReport | null;
  /** Field messages that no input on the screen shows. */
  extra?: string[];
  onReload?: () => void;
}

/** The page-level message after a failed call, announced to screen readers. */
export function ErrorMessage({ report, extra = [], onReload }: ErrorMessageProps) {
  if (!report) return null;
  return (
    <div class="alert alert-error" role="alert">
      <p>{report.message}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {report.stale && onReload && (
        <button type="button" class="button secondary" onClick={onReload}>
          Reload
        </button>
      )}
    </div>
  );
}
