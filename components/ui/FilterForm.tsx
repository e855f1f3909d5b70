// A list page's filters as a GET form, so the filters live in the URL (shareable, kept on reload).
import type { ReactNode } from 'react';
import { Button } from './Button';
import { Field, inputClass } from './Field';

export type FilterField = {
  name: string;
  label: string;
  value?: string;
  /** A select with "Any" first; without options, a text box. */
  options?: readonly string[];
  narrow?: boolean;
};

export function FilterForm({ id, fields, hidden = {}, children }: { id: string; fields: FilterField[]; hidden?: Record<string, string | undefined>; children?: ReactNode }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      {Object.entries(hidden).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      {fields.map((field) => (
        <Field key={field.name} label={field.label} htmlFor={`${id}-${field.name}`}>
          {field.options ? (
            <select id={`${id}-${field.name}`} name={field.name} defaultValue={field.value ?? ''} className={inputClass}>
              <option value="">Any</option>
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${id}-${field.name}`} name={field.name} defaultValue={field.value} className={field.narrow ? `w-36 ${inputClass}` : inputClass} />
          )}
        </Field>
      ))}
      <Button type="submit" size="sm">
        Filter
      </Button>
      {children}
    </form>
  );
}
