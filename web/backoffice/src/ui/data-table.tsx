import { Fragment, useState, type ReactNode } from 'react';
import { useT } from '../core/i18n.js';
import { errorText } from './form.js';
import { Button, EmptyState } from './misc.js';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  width?: string;
  align?: 'left' | 'right' | 'center';
  className?: string;
}

/**
 * A dense table with loading/empty/error states, optional expandable rows (details) and
 * pagination controls (cursor-based: previous/next with the page number).
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  loading,
  error,
  empty,
  expand,
  pager,
  onRetry,
  testId,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  empty?: ReactNode;
  /** Renders the details of a row below it when the row is clicked. */
  expand?: (row: T) => ReactNode;
  pager?: { page: number; hasPrev: boolean; hasNext: boolean; prev: () => void; next: () => void };
  onRetry?: () => void;
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const span = columns.length + (expand ? 1 : 0);
  return (
    <div className="table-wrap" data-testid={testId}>
      <table className={`table${loading ? ' table-loading' : ''}`}>
        <thead>
          <tr>
            {expand ? <th className="col-expand" aria-hidden="true" /> : null}
            {columns.map((c) => (
              <th key={c.key} style={{ width: c.width, textAlign: c.align }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {error ? (
            <tr>
              <td colSpan={span}>
                <div className="table-error">
                  <span>{errorText(error, t)}</span>
                  {onRetry ? (
                    <Button size="sm" icon="refresh" onClick={onRetry}>
                      {t('backoffice.common.retry')}
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={span}>{loading ? <div className="table-placeholder">{t('backoffice.common.loading')}</div> : <EmptyState>{empty ?? t('backoffice.common.empty')}</EmptyState>}</td>
            </tr>
          ) : (
            rows.map((row) => {
              const k = rowKey(row);
              const isOpen = !!open[k];
              return (
                <Fragment key={k}>
                  <tr
                    className={expand ? `row-expandable${isOpen ? ' row-open' : ''}` : undefined}
                    onClick={expand ? () => setOpen((o) => ({ ...o, [k]: !o[k] })) : undefined}
                  >
                    {expand ? (
                      <td className="col-expand">
                        <button
                          type="button"
                          className="expander"
                          aria-expanded={isOpen}
                          aria-label={t(isOpen ? 'backoffice.common.collapse' : 'backoffice.common.expand')}
                        >
                          ▸
                        </button>
                      </td>
                    ) : null}
                    {columns.map((c) => (
                      <td key={c.key} style={{ textAlign: c.align }} className={c.className}>
                        {c.render(row)}
                      </td>
                    ))}
                  </tr>
                  {expand && isOpen ? (
                    <tr className="row-details">
                      <td colSpan={span}>{expand(row)}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
      {pager && (pager.hasPrev || pager.hasNext) ? (
        <div className="pager">
          <Button size="sm" disabled={!pager.hasPrev || loading} onClick={pager.prev}>
            ‹ {t('backoffice.common.previous')}
          </Button>
          <span className="muted">{t('backoffice.common.page', { page: pager.page })}</span>
          <Button size="sm" disabled={!pager.hasNext || loading} onClick={pager.next}>
            {t('backoffice.common.next')} ›
          </Button>
        </div>
      ) : null}
    </div>
  );
}
