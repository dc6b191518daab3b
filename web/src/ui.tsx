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

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const x = (b.lon - a.lon) * r * Math.cos(((a.lat + b.lat) / 2) * r);
  const y = (b.lat - a.lat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}
export function nearest(areas: Area[], p: { lat: number; lon: number }): Area | undefined {
  let best: Area | undefined;
  let bestD = Infinity;
  for (const a of areas) {
    if (a.lat == null || a.lon == null) continue;
    const d = distanceKm({ lat: a.lat, lon: a.lon }, p);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

export interface AreaValue {
  province: string;
  commune: string;
  lat?: number;
  lon?: number;
}

// Province + commune selects, and a "use my location" button that picks the nearest area;
// refusing location access just leaves the selects to the user.
export function AreaPicker(props: { value: AreaValue; onChange: (v: AreaValue) => void; error?: string; idPrefix?: string; allowLocation?: boolean; communes?: boolean }) {
  const id = props.idPrefix ?? 'area';
  const { provinces, error: loadError } = useProvinces();
  const [communes, setCommunes] = useState<Area[]>([]);
  const [geoMsg, setGeoMsg] = useState('');
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
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const p = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        const prov = nearest(provinces.length ? provinces : await loadProvinces().catch(() => []), p);
        let commune = '';
        if (prov) {
          try {
            const cs = await getList<Area>('/areas' + query({ level: 'commune', parent: prov.code }));
            const c = nearest(cs, p);
            if (c && distanceKm({ lat: c.lat!, lon: c.lon! }, p) < 15) commune = c.code;
          } catch {
            /* the province is enough */
          }
        }
        props.onChange({ province: prov?.code ?? v.province, commune, lat: p.lat, lon: p.lon });
        setGeoMsg(t('location_ok'));
      },
      () => setGeoMsg(t('location_refused')),
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 },
    );
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
        </div>
      )}
      <label for={id + '-province'}>{t('province')}</label>
      <select
        id={id + '-province'}
        value={v.province}
        {...describedBy(id, err)}
        onChange={(e) => props.onChange({ province: (e.target as HTMLSelectElement).value, commune: '', lat: undefined, lon: undefined })}
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
            onChange={(e) => props.onChange({ ...v, commune: (e.target as HTMLSelectElement).value })}
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
