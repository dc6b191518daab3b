// Recent warnings for an area (alerts published by officers; no personal data).
import { useEffect, useState } from 'preact/hooks';
import { getList, query } from '../api';
import { formatDate, t } from '../i18n';
import { getLang } from '../lang';
import { AreaPicker, categoryLabel, errorText, Loading, useCategories, type AreaValue } from '../ui';

// GET /warnings answers {area_code, count, items: Warning[]} (docs/api.md).
interface Warning {
  category: string; title: string; text: string; start: string; end: string; observed: number; expected: number;
  area_code: string; area_name?: string; method: string;
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
    getList<Warning>('/warnings' + query({ area_code: code }), ctl.signal).then(
      (d) => setItems(d),
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
              <strong>{w.title || categoryLabel(w.category, cats)}</strong>
              <p>{w.text}</p>
              <span class="muted">{formatDate(w.end, false)}{w.area_name ? ' · ' + w.area_name : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
