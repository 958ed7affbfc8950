import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400',
  secondary:
    'bg-white text-stone-900 border-2 border-stone-300 hover:border-stone-500 disabled:text-stone-400',
  danger: 'bg-white text-red-800 border-2 border-red-300 hover:border-red-600',
  ghost: 'text-brand-700 underline underline-offset-4 hover:text-brand-800',
};

/** Buttons are at least 44px high: fingers, not mouse pointers. */
export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type="button"
      className={`min-h-11 rounded-lg px-4 py-2 text-base font-semibold disabled:cursor-not-allowed ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
