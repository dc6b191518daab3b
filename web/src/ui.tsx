// Small shared pieces: labelled fields with their error, the area picker, data caches.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getList, query, type Area, type Category } from './api';
import { CATEGORY_FALLBACK, t } from './i18n';
import { getLang } from './lang';

// Error text for an ApiError (or a network failure), in the user's language.
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.status === 0 ? t('network_error') : e.message;
  return String((e as Error)?.message ?? e);
}

// Field errors keyed by the API's `field`; errors with no field go under '' (form level).
export type FieldErrors = Record<string, string>;
export function toFieldErrors(e: unknown): FieldErrors {
  if (e instanceof ApiError && e.field) return { [e.field]: e.message };
  return { '': errorText(e) };
}

export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class={'field' + (props.error ? ' has-error' : '')}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={props.id + '-hint'}>{props.hint}</p>}
      {props.children}
      {props.error && (
        <p class="field-error" id={props.id + '-error'} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

// aria attributes that tie an input to its hint and error.
export function describedBy(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

export function FormError(props: { error?: string }) {
  return props.error ? (
    <p class="form-error" role="alert">
      {props.error}
    </p>
  ) : null;
}

export function Loading() {
  return <p class="muted" role="status">{t('loading')}</p>;
}

// --- caches: categories and provinces rarely change during a visit ---
let categoriesPromise: Promise<Category[]> | null = null;
export function loadCategories(): Promise<Category[]> {
  categoriesPromise ??= getList<Category>('/categories').catch(() => {
    categoriesPromise = null;
    return Object.entries(CATEGORY_FALLBACK).map(([code, c]) => ({ code, label_vi: c.vi, label_en: c.en }));
  });
  return categoriesPromise;
}
export function useCategories(): Category[] {
  const [cats, setCats] = useState<Category[]>(() =>
    Object.entries(CATEGORY_FALLBACK).map(([code, c]) => ({ code, label_vi: c.vi, label_en: c.en })),
  );
  useEffect(() => {
    loadCategories().then((c) => Array.isArray(c) && c.length && setCats(c));
  }, []);
  return cats;
}
export function categoryLabel(code: string, cats?: Category[]): string {
  const c = cats?.find((x) => x.code === code);
  if (c) return getLang() === 'vi' ? c.label_vi : c.label_en;
  const f = CATEGORY_FALLBACK[code];
  return f ? f[getLang()] : code;
}

let provincesPromise: Promise<Area[]> | null = null;
export function loadProvinces(): Promise<Area[]> {
  provincesPromise ??= getList<Area>('/areas' + query({ level: 'province' })).catch((e) => {
    provincesPromise = null;
    throw e;
  });
  return provincesPromise;
}
export function useProvinces(): { provinces: Area[]; error?: string } {
  const [state, setState] = useState<{ provinces: Area[]; error?: string }>({ provinces: [] });
  useEffect(() => {
    loadProvinces().then(
      (p) => setState({ provinces: p }),
      (e) => setState({ provinces: [], error: errorText(e) }),
    );
  }, []);
  return state;
}

export interface AreaValue {
  province: string;
  commune: string;
  lat?: number;
  lon?: number;
}

// Province + commune selects, and a "use my location" button: the province whose boundary
// contains the point, then its nearest known commune (locate.ts, loaded on demand), shown
// large for the worker to confirm or change. Refusing location access leaves the selects.
export function AreaPicker(props: { value: AreaValue; onChange: (v: AreaValue) => void; error?: string; idPrefix?: string; allowLocation?: boolean; communes?: boolean }) {
  const id = props.idPrefix ?? 'area';
  const { provinces, error: loadError } = useProvinces();
  const [communes, setCommunes] = useState<Area[]>([]);
  const [geoMsg, setGeoMsg] = useState('');
  const [placed, setPlaced] = useState<{ name: string; confirmed: boolean } | null>(null);
  const v = props.value;

  useEffect(() => {
    if (!v.province || props.communes === false) {
      setCommunes([]);
      return;
    }
    const ctl = new AbortController();
    getList<Area>('/areas' + query({ level: 'commune', parent: v.province }), ctl.signal).then(
      (c) => setCommunes(Array.isArray(c) ? c : []),
      () => setCommunes([]),
    );
    return () => ctl.abort();
  }, [v.province]);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGeoMsg(t('location_refused'));
      return;
    }
    setGeoMsg(t('locating'));
    setPlaced(null);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const p = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        try {
          const where = await import('./locate');
          const code = where.provinceAt(p.lat, p.lon);
          const list = provinces.length ? provinces : await loadProvinces();
          const prov = code ? list.find((x) => x.code === code) : undefined;
          if (!prov) {
            setGeoMsg(t('location_outside'));
            return;
          }
          let commune: Area | undefined;
          try {
            commune = where.nearestCommune(await getList<Area>('/areas' + query({ level: 'commune', parent: prov.code })), p.lat, p.lon);
          } catch {
            /* the province is enough */
          }
          props.onChange({ province: prov.code, commune: commune?.code ?? '', lat: p.lat, lon: p.lon });
          setPlaced({ name: commune ? `${commune.name}, ${prov.name}` : prov.name, confirmed: false });
          setGeoMsg('');
        } catch {
          setGeoMsg(t('location_refused'));
        }
      },
      () => setGeoMsg(t('location_refused')),
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 },
    );
  };
  const change = () => {
    setPlaced(null);
    document.getElementById(id + '-province')?.focus();
  };

  const err = props.error ?? loadError;
  return (
    <fieldset class={'area-picker' + (err ? ' has-error' : '')}>
      <legend>{t('area')}</legend>
      {props.allowLocation !== false && (
        <div class="locate">
          <button type="button" class="secondary" onClick={locate}>
            📍 {t('use_location')}
          </button>
          {geoMsg && (
            <p class="hint" role="status">
              {geoMsg}
            </p>
          )}
          {placed && (
            <div class="placed" role="status" data-placed={v.commune || v.province}>
              <p class="placed-label">{t('location_found')}</p>
              <p class="placed-name">📍 {placed.name}</p>
              {placed.confirmed ? (
                <p class="ok">{t('location_confirmed')}</p>
              ) : (
                <div class="actions">
                  <button type="button" class="primary" onClick={() => setPlaced({ ...placed, confirmed: true })}>
                    {t('location_yes')}
                  </button>
                  <button type="button" class="secondary" onClick={change}>
                    {t('location_change')}
                  </button>
                </div>
              )}
            </div>
          )}
        </div>
      )}
      <label for={id + '-province'}>{t('province')}</label>
      <select
        id={id + '-province'}
        value={v.province}
        {...describedBy(id, err)}
        onChange={(e) => {
          setPlaced(null);
          props.onChange({ province: (e.target as HTMLSelectElement).value, commune: '', lat: undefined, lon: undefined });
        }}
      >
        <option value="">{t('choose')}</option>
        {provinces.map((p) => (
          <option value={p.code}>{p.name}</option>
        ))}
      </select>
      {props.communes !== false && communes.length > 0 && (
        <>
          <label for={id + '-commune'}>{t('commune')}</label>
          <select
            id={id + '-commune'}
            value={v.commune}
            onChange={(e) => {
              setPlaced(null);
              props.onChange({ ...v, commune: (e.target as HTMLSelectElement).value });
            }}
          >
            <option value="">{t('choose')}</option>
            {communes.map((c) => (
              <option value={c.code}>{c.name}</option>
            ))}
          </select>
        </>
      )}
      {err && (
        <p class="field-error" id={id + '-error'} role="alert">
          {err}
        </p>
      )}
    </fieldset>
  );
}
