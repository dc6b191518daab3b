// The scoped case inbox: filters and order kept in the URL (so back/forward and links work),
// paging, due times with "quá hạn X giờ", priority, and exports of every row the filters
// select. The default order is what needs the officer first (the server's "urgency"). What an
// officer sees is decided by the server's policy.
import { useEffect, useState } from 'preact/hooks';
import { get, query, type CaseList } from '../api';
import { formatDate, formatNumber, overdueText, priorityLabel, STATUSES, statusLabel, t, type Key } from '../i18n';
import { getLang } from '../lang';
import { navigate } from '../router';
import { categoryLabel, errorText, Loading, useCategories, useProvinces } from '../ui';

const LIMIT = 25;
const FILTERS = ['status', 'category', 'area_code', 'q', 'from', 'to', 'overdue', 'sort'] as const;
const SORTS: [string, Key][] = [
  ['urgency', 'sort_urgency'], ['due', 'sort_due'], ['-due', 'sort_due_desc'], ['-created', 'sort_created_desc'],
  ['created', 'sort_created'], ['updated', 'sort_updated'], ['priority', 'sort_priority'],
];
const XLSX_MAX_ROWS = 1_048_575;

export function Inbox(props: { search: URLSearchParams }) {
  const cats = useCategories();
  const { provinces } = useProvinces();
  const params = Object.fromEntries(FILTERS.map((k) => [k, props.search.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Math.max(0, +(props.search.get('offset') ?? 0) || 0);
  const [form, setForm] = useState(params);
  const [data, setData] = useState<CaseList | null>(null);
  const [error, setError] = useState('');
  const key = props.search.toString();

  useEffect(() => setForm(params), [key]);
  useEffect(() => {
    setError('');
    const ctl = new AbortController();
    const q = query({ ...params, from: params.from ? params.from : undefined, to: params.to ? params.to : undefined, overdue: params.overdue === '1', sort: params.sort || undefined, limit: LIMIT, offset });
    get<CaseList>('/cases' + q, ctl.signal).then(setData, (e) => e.name !== 'AbortError' && setError(errorText(e)));
    return () => ctl.abort();
  }, [key]);

  // Downloads are plain links: the language of the headers and labels goes in the query.
  const exportQuery = query({ ...params, from: params.from || undefined, to: params.to || undefined, overdue: params.overdue === '1', sort: undefined, lang: getLang() });
  const sortBy = (sort: string) => go({ ...params, sort, offset: 0 } as Record<string, string | number>);
  const sortHeader = (label: string, asc: string, desc?: string) => {
    const cur = params.sort || 'urgency';
    const state = cur === asc ? 'ascending' : desc && cur === desc ? 'descending' : undefined;
    return (
      <th scope="col" aria-sort={state}>
        <button type="button" class="link sort" onClick={() => sortBy(cur === asc && desc ? desc : asc)}>
          {label} {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
        </button>
      </th>
    );
  };
  const go = (p: Record<string, string | number>) => navigate('/officer' + query(p as Record<string, string>));
  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...form });
  };
  const set = (k: string) => (e: Event) => {
    const el = e.target as HTMLInputElement;
    setForm({ ...form, [k]: el.type === 'checkbox' ? (el.checked ? '1' : '') : el.value });
  };

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / LIMIT));
  const page = Math.floor(offset / LIMIT) + 1;

  return (
    <div class="inbox">
      <h1>{t('inbox')}</h1>
      <form class="filters" onSubmit={apply} aria-label={t('apply')}>
        <label>
          {t('status')}
          <select value={form.status} onChange={set('status')} name="status">
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option value={s}>{statusLabel(s)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('category')}
          <select value={form.category} onChange={set('category')} name="category">
            <option value="">{t('all')}</option>
            {cats.map((c) => (
              <option value={c.code}>{categoryLabel(c.code, cats)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('province')}
          <select value={form.area_code} onChange={set('area_code')} name="area_code">
            <option value="">{t('all')}</option>
            {provinces.map((p) => (
              <option value={p.code}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('search_text')}
          <input type="search" value={form.q} onInput={set('q')} name="q" />
        </label>
        <label>
          {t('from')}
          <input type="date" value={form.from} onInput={set('from')} name="from" />
        </label>
        <label>
          {t('to')}
          <input type="date" value={form.to} onInput={set('to')} name="to" />
        </label>
        <label class="check-label">
          <input type="checkbox" checked={form.overdue === '1'} onChange={set('overdue')} name="overdue" /> {t('overdue_only')}
        </label>
        <label>
          {t('sort')}
          <select value={form.sort || 'urgency'} onChange={set('sort')} name="sort">
            {SORTS.map(([code, label]) => (
              <option value={code}>{t(label)}</option>
            ))}
          </select>
        </label>
        <div class="filter-actions">
          <button type="submit" class="primary">{t('apply')}</button>
          <button type="button" class="secondary" onClick={() => navigate('/officer')}>{t('reset')}</button>
        </div>
      </form>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <p class="muted" role="status">
            <span data-total={total}>{formatNumber(total)}</span> {t('results')} · {t('page')} {formatNumber(page)}/{formatNumber(pages)} ·{' '}
            <a href={'/api/v1/exports/cases.csv' + exportQuery} download data-export="csv">
              {t('export_csv')} ({formatNumber(total)} {t('export_rows')})
            </a>{' '}
            ·{' '}
            {total > XLSX_MAX_ROWS ? (
              <span class="warn">{t('export_too_many')}</span>
            ) : (
              <a href={'/api/v1/exports/cases.xlsx' + exportQuery} download data-export="xlsx">
                {t('export_xlsx')} ({formatNumber(total)} {t('export_rows')})
              </a>
            )}
          </p>
          {data.items.length === 0 ? (
            <p>{t('no_cases')}</p>
          ) : (
            <div class="table-wrap">
              <table class="cases">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('category')}</th>
                    <th scope="col">{t('summary')}</th>
                    <th scope="col">{t('status')}</th>
                    {sortHeader(t('due_col'), 'due', '-due')}
                    {sortHeader(t('priority'), 'priority')}
                    <th scope="col">{t('area')}</th>
                    <th scope="col">{t('org')}</th>
                    {sortHeader(t('updated'), 'updated')}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr class={c.overdue ? 'overdue' : ''} data-case-id={c.id}>
                      <td>
                        <a href={'/officer/cases/' + c.id}>#{c.id}</a>
                      </td>
                      <td>{categoryLabel(c.category, cats)}</td>
                      <td class="summary-cell">
                        <a href={'/officer/cases/' + c.id} tabIndex={-1}>
                          {c.summary || '—'}
                        </a>
                      </td>
                      <td>
                        <span class={'status status-' + c.status}>{statusLabel(c.status)}</span>
                        {c.overdue && (
                          <span class="badge overdue-badge" title={t('overdue')}>
                            ⏰ {t('overdue')}
                          </span>
                        )}
                        {(c.escalation_level ?? 0) > 0 && (
                          <span class="badge escalated-badge" title={t('escalated')}>
                            ⬆ {c.escalation_level}
                          </span>
                        )}
                      </td>
                      <td class="due-cell" data-due-kind={c.due_kind ?? ''}>
                        {c.due_at ? formatDate(c.due_at) : '—'}
                        {c.overdue_hours != null && (
                          <span class="overdue-text" data-overdue-hours={c.overdue_hours}>
                            {overdueText(c.overdue_hours)}
                            {c.due_kind === 'acknowledge' ? ` (${t('deadline_acknowledge').toLowerCase()})` : ''}
                          </span>
                        )}
                      </td>
                      <td class={'priority priority-' + c.priority}>{c.priority != null ? priorityLabel(c.priority) : ''}</td>
                      <td>{c.area_name ?? c.area_code}</td>
                      <td>{c.org_name}</td>
                      <td>{formatDate(c.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav class="pager" aria-label={t('page')}>
            <button type="button" class="secondary" disabled={offset <= 0} onClick={() => go({ ...params, offset: Math.max(0, offset - LIMIT) })}>
              {t('prev')}
            </button>
            <span>
              {t('page')} {formatNumber(page)}/{formatNumber(pages)}
            </span>
            <button type="button" class="secondary" disabled={offset + LIMIT >= total} onClick={() => go({ ...params, offset: offset + LIMIT })}>
              {t('next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
