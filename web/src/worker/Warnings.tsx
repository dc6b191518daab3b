// Recent warnings for an area (alerts published by officers; no personal data).
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api';
import { formatDate, t } from '../i18n';
import { getLang } from '../lang';
import { AreaPicker, categoryLabel, errorText, Loading, useCategories, type AreaValue } from '../ui';

interface Warning {
  id?: number; title?: string; text?: string; body?: string; message?: string; category?: string;
  created_at?: string; at?: string; published_at?: string; area_name?: string; observed?: number; expected?: number;
}

function warningsOf(data: unknown): Warning[] {
  if (Array.isArray(data)) return data;
  const d = data as { items?: Warning[]; warnings?: Warning[]; alerts?: Warning[] };
  return d?.items ?? d?.warnings ?? d?.alerts ?? [];
}

export function Warnings() {
  const [area, setArea] = useState<AreaValue>(() => {
    try {
      return JSON.parse(localStorage.getItem('antoan.area') || '') as AreaValue;
    } catch {
      return { province: '', commune: '' };
    }
  });
  const [items, setItems] = useState<Warning[] | null>(null);
  const [error, setError] = useState('');
  const code = area.commune || area.province;
  const cats = useCategories();
  const lang = getLang();  // the warnings' text comes in the language asked for

  useEffect(() => {
    if (!code) return;
    try {
      localStorage.setItem('antoan.area', JSON.stringify({ province: area.province, commune: area.commune }));
    } catch {
      /* not remembered */
    }
    setItems(null);
    setError('');
    const ctl = new AbortController();
    get<unknown>('/warnings' + query({ area_code: code }), ctl.signal).then(
      (d) => setItems(warningsOf(d)),
      (e) => e.name !== 'AbortError' && setError(errorText(e)),
    );
    return () => ctl.abort();
  }, [code, lang]);

  return (
    <div class="warnings">
      <h1>{t('warnings_title')}</h1>
      <AreaPicker value={area} onChange={setArea} idPrefix="warn" />
      {error && <p class="form-error" role="alert">{error}</p>}
      {code && !error && items === null && <Loading />}
      {items && items.length === 0 && <p class="muted">{t('no_warnings')}</p>}
      {items && items.length > 0 && (
        <ul class="warning-list">
          {items.map((w) => (
            <li class="warning-item">
              <strong>{w.title ?? (w.category ? categoryLabel(w.category, cats) : '')}</strong>
              <p>{w.text ?? w.body ?? w.message ?? ''}</p>
              <span class="muted">{formatDate(w.published_at ?? w.created_at ?? w.at, false)}{w.area_name ? ' · ' + w.area_name : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
