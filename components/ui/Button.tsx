// The console's buttons: primary for the one action a panel is for, secondary for the rest, danger for removals.
import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-slate-900 text-white hover:bg-slate-700',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-600',
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = 'primary', size: 'sm' | 'md' = 'md'): string {
  const padding = size === 'sm' ? 'px-3 py-1 text-sm' : 'px-4 py-2 text-sm';
  return `inline-flex items-center justify-center gap-2 rounded font-medium ${padding} ${variants[variant]} disabled:cursor-not-allowed disabled:opacity-50`;
}

export function Button({
  variant = 'primary',
  size = 'md',
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: 'sm' | 'md' }) {
  return <button type={type} className={`${buttonClass(variant, size)}${className ? ` ${className}` : ''}`} {...props} />;
}
