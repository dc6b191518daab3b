// The scoped case inbox: filters kept in the URL (so back/forward and links work), paging,
// and an overdue marker. What an officer sees is decided by the server's policy.
import { useEffect, useState } from 'preact/hooks';
import { get, query, type CaseList } from '../api';
import { formatDate, STATUSES, statusLabel, t } from '../i18n';
import { navigate } from '../router';
import { categoryLabel, errorText, Loading, useCategories, useProvinces } from '../ui';

const LIMIT = 25;
const FILTERS = ['status', 'category', 'area_code', 'q', 'from', 'to', 'overdue'] as const;

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
    const q = query({ ...params, from: params.from ? params.from : undefined, to: params.to ? params.to : undefined, overdue: params.overdue === '1', limit: LIMIT, offset });
    get<CaseList>('/cases' + q, ctl.signal).then(setData, (e) => e.name !== 'AbortError' && setError(errorText(e)));
    return () => ctl.abort();
  }, [key]);

  const exportQuery = query({ ...params, from: params.from || undefined, to: params.to || undefined, overdue: params.overdue === '1' });
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
            {total} {t('results')} · {t('page')} {page}/{pages} ·{' '}
            <a href={'/api/v1/exports/cases.csv' + exportQuery} download>CSV</a> ·{' '}
            <a href={'/api/v1/exports/cases.xlsx' + exportQuery} download>Excel</a>
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
                    <th scope="col">{t('area')}</th>
                    <th scope="col">{t('org')}</th>
                    <th scope="col">{t('updated')}</th>
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
              {t('page')} {page}/{pages}
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
