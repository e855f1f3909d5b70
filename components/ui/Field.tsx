// A labelled form control with its hint and its error, tied together for screen readers.
import type { ReactNode } from 'react';

export const inputClass = 'rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500';

export function Field({
  label,
  htmlFor,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  /** The control's id: the label and messages point at it. */
  htmlFor: string;
  hint?: ReactNode;
  error?: string | string[];
  children: ReactNode;
}) {
  const message = Array.isArray(error) ? error.join(' ') : error;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={htmlFor} className="font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${htmlFor}-error`} role="alert" className="text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
