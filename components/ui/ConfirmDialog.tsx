'use client';
// Asks before a change that cannot be undone; with `confirmText`, the admin must type it (e.g. a share's name).
import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';
import { inputClass } from './Field';

export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  confirmText,
  variant = 'danger',
  disabled,
  onConfirm,
}: {
  trigger: string;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  confirmText?: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const id = useId();
  return (
    <>
      <Button variant={variant} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
          {title}
        </h2>
        <div className="mb-4 text-sm text-slate-700">{children}</div>
        {confirmText && (
          <label className="mb-4 flex flex-col gap-1 text-sm">
            Type <span className="font-mono">{confirmText}</span> to confirm
            <input className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
          </label>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant={variant}
            disabled={confirmText !== undefined && typed !== confirmText}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
