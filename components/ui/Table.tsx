// A plain data table: a header row of column names and the rows the caller renders.
import type { ReactNode } from 'react';

export function Table({ columns, children, testId }: { columns: ReactNode[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            {columns.map((column, i) => (
              <th key={i} className="py-2 pr-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children, mono, className }: { children?: ReactNode; mono?: boolean; className?: string }) {
  return <td className={['py-2 pr-3 align-top', mono && 'font-mono text-xs', className].filter(Boolean).join(' ')}>{children}</td>;
}
