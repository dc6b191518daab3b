// The officer map: Leaflet over a configurable tile URL, or (by default, offline) a basemap drawn
// from the bundled GeoJSON of Vietnam — the 34 provinces (or the 63 former ones), with Hoàng Sa
// and Trường Sa shown as Vietnam's. Counts are drawn as sized circles (per area, grid cell or
// enterprise) and a province choropleth; hotspot alerts as circles with their statistics.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, getList, query, type Area } from '../api';
import { formatDate, formatNumber, t } from '../i18n';
import { getLang } from '../lang';
import { navigate } from '../router';
import { categoryLabel, errorText, useCategories } from '../ui';

interface HousePoint { id: number; name: string; lat: number; lon: number; residents: number; team_id?: number | null; team_name?: string | null; needs_team: boolean }
interface CountCell { key: string; name?: string; lat: number; lon: number; count: number }
interface Hotspot {
  category?: string; center: { lat: number; lon: number }; radius_km: number; start?: string; end?: string;
  observed: number; expected: number; llr?: number; p_value: number; method?: string;
}

let geoPromise: Promise<any> | null = null;
function loadGeo(): Promise<any> {
  geoPromise ??= fetch('/geo/vn.topo.json').then((r) => {
    if (!r.ok) throw new Error('geo ' + r.status);
    return r.json();
  });
  return geoPromise;
}

const TILE_KEY = 'antoan.tileUrl';
function storedTileUrl(): string {
  try {
    return localStorage.getItem(TILE_KEY) ?? (import.meta.env.VITE_TILE_URL as string | undefined) ?? '';
  } catch {
    return '';
  }
}

const STOPS = ['#fff3d6', '#fdd49e', '#fc8d59', '#e34a33', '#b30000'];
function color(v: number, max: number): string {
  if (!v || !max) return '#f4f1ea';
  const x = Math.sqrt(v / max);
  return STOPS[Math.min(STOPS.length - 1, Math.floor(x * STOPS.length))];
}
// The counts each colour stands for (the inverse of color()).
function legendRanges(max: number): [string, string][] {
  const edge = (k: number) => Math.ceil(max * (k / STOPS.length) ** 2);
  return STOPS.map((c, k) => {
    const lo = Math.max(1, edge(k)), hi = k === STOPS.length - 1 ? max : Math.max(lo, edge(k + 1) - 1);
    return [c, lo >= hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`] as [string, string];
  }).filter(([, label], i, all) => i === 0 || label !== all[i - 1][1]);
}

// What the colours, circles and markers mean: a legend beside the map (not drawn on the canvas,
// so screen readers and zoomed text read it too).
function Legend(props: { by: string; max: number; houses: boolean; hotspots: boolean }) {
  return (
    <section class="map-legend card" aria-labelledby="legend-title" data-legend-max={props.max}>
      <h2 id="legend-title" class="h3">{t('legend')}</h2>
      <ul role="list">
        {props.by === 'area' && (
          <li>
            {t('legend_reports')}:
            <ul class="legend-scale" role="list">
              <li><span class="swatch" style={{ background: '#f4f1ea' }} aria-hidden="true" /> {t('legend_none')}</li>
              {props.max > 0 && legendRanges(props.max).map(([c, label]) => (
                <li><span class="swatch" style={{ background: c }} aria-hidden="true" /> {label}</li>
              ))}
            </ul>
          </li>
        )}
        <li><span class="swatch round" style={{ background: '#1fa56b', borderColor: '#06331f' }} aria-hidden="true" /> {t('legend_circle')}</li>
        <li><span class="swatch round dashed" aria-hidden="true" /> {t('legend_hotspot')}</li>
        {props.houses && (
          <>
            <li><span class="swatch round" style={{ borderColor: '#1565c0' }} aria-hidden="true" /> {t('legend_house_team')}</li>
            <li><span class="swatch round" style={{ borderColor: '#c00' }} aria-hidden="true" /> {t('legend_house_gap')}</li>
            <li><span class="swatch round" style={{ borderColor: '#777' }} aria-hidden="true" /> {t('legend_house_other')}</li>
          </>
        )}
        <li><span class="swatch" style={{ background: '#f4f1ea', borderColor: '#3d3a33' }} aria-hidden="true" /> {t('legend_islands')}</li>
      </ul>
    </section>
  );
}

export function MapPage() {
  const cats = useCategories();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<{ base?: L.LayerGroup; data?: L.LayerGroup; hot?: L.LayerGroup; houses?: L.LayerGroup; tiles?: L.TileLayer }>({});
  const [houses, setHouses] = useState<HousePoint[]>([]);
  const [showHouses, setShowHouses] = useState(true);
  const [by, setBy] = useState<'area' | 'grid' | 'enterprise'>('area');
  const [category, setCategory] = useState('');
  const [generation, setGeneration] = useState<'2025' | '63'>('2025');
  const [tileUrl, setTileUrl] = useState(storedTileUrl);
  const [tileInput, setTileInput] = useState(tileUrl);
  const [counts, setCounts] = useState<CountCell[]>([]);
  const [hotspots, setHotspots] = useState<Hotspot[]>([]);
  const [error, setError] = useState('');
  const [geo, setGeo] = useState<any>(null);
  const [parents, setParents] = useState<Map<string, string>>(new Map());
  const fitted = useRef(false);
  const [maxCount, setMaxCount] = useState(0);

  // Create the map once.
  useEffect(() => {
    const map = L.map(el.current!, { preferCanvas: true, zoomSnap: 0.5, minZoom: 4, maxZoom: 16, attributionControl: true });
    map.attributionControl.setPrefix('Leaflet · Natural Earth');
    map.fitBounds([[8.2, 102.1], [23.4, 114.8]]);
    mapRef.current = map;
    // The canvas has no element per marker: browser tests reach the map through its container.
    Object.defineProperty(el.current!, 'leafletMap', { value: map, configurable: true });
    loadGeo().then(setGeo, (e) => setError(errorText(e)));
    // Commune → province, so per-commune counts also colour their province.
    getList<Area>('/areas' + query({ level: 'commune' })).then(
      (cs) => setParents(new Map(cs.filter((c) => c.parent_code).map((c) => [c.code, c.parent_code!]))),
      () => undefined,
    );
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Basemap: tiles when configured, the bundled GeoJSON otherwise (always drawn for provinces).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.tiles?.remove();
    layers.current.tiles = undefined;
    el.current!.classList.toggle('no-tiles', !tileUrl);
    if (tileUrl) {
      layers.current.tiles = L.tileLayer(tileUrl, { maxZoom: 18, attribution: '' }).addTo(map);
      layers.current.tiles.bringToBack();
    }
  }, [tileUrl]);

  // Data: counts and hotspot alerts for the chosen filters.
  useEffect(() => {
    setError('');
    const ctl = new AbortController();
    getList<CountCell>('/map/counts' + query({ by, category }), ctl.signal).then(
      (c) => setCounts(c),
      (e) => {
        if (e.name === 'AbortError') return;
        // Without /map/counts (older server), per-area counts come from the dashboard summary.
        if (e instanceof ApiError && e.status === 404 && by === 'area') countsFromSummary(category, ctl.signal).then(setCounts, (e2) => setError(errorText(e2)));
        else setError(errorText(e));
      },
    );
    getList<Hotspot>('/hotspots' + query({ category }), ctl.signal).then(setHotspots, () => setHotspots([]));
    return () => ctl.abort();
  }, [by, category]);

  // Draw provinces (choropleth by area counts when the keys are province codes) and islands.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !geo) return;
    layers.current.base?.remove();
    const group = L.layerGroup();
    const byCode = new Map<string, number>();
    if (by === 'area')
      for (const c of counts) {
        const code = parents.get(String(c.key)) ?? String(c.key);
        byCode.set(code, (byCode.get(code) ?? 0) + c.count);
      }
    const objName = generation === '2025' ? 'provinces2025' : 'provinces63';
    const provinces = feature(geo, geo.objects[objName]) as any;
    const max = Math.max(0, ...provinces.features.map((f: any) => byCode.get(f.properties.code) ?? 0));
    setMaxCount(max);
    const fill = !tileUrl;
    L.geoJSON(feature(geo, geo.objects.neighbours) as any, {
      interactive: false,
      style: { color: '#c9c4b8', weight: 0.6, fillColor: '#e6e2d9', fillOpacity: fill ? 1 : 0, opacity: fill ? 1 : 0 },
    }).addTo(group);
    L.geoJSON(provinces, {
      style: (f: any) => ({
        color: '#6b6455',
        weight: 0.7,
        fillColor: color(byCode.get(f.properties.code) ?? 0, max),
        fillOpacity: fill ? 0.7 : 0.4,
      }),
      onEachFeature: (f: any, layer) => {
        const n = byCode.get(f.properties.code);
        layer.bindTooltip(textNode(`${f.properties.name}${n != null ? ': ' + formatNumber(n) + ' ' + t('reports') : ''}`), { sticky: true });
      },
    }).addTo(group);
    L.geoJSON(feature(geo, geo.objects.outline) as any, { interactive: false, style: { color: '#3d3a33', weight: 1.2, fill: false } }).addTo(group);
    // Hoàng Sa and Trường Sa: Vietnam's islands, labelled on the map at every zoom.
    const islands = feature(geo, geo.objects.islands) as any;
    L.geoJSON(islands, { style: { color: '#3d3a33', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(group);
    for (const f of islands.features) {
      const p = f.properties;
      L.marker([p.label_lat, p.label_lon], {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'island-label', html: textNode(getLang() === 'vi' ? p.name : p.name_en, '(Việt Nam)'), iconSize: [150, 30], iconAnchor: [75, 15] }),
      }).addTo(group);
    }
    group.addTo(map);
    layers.current.base = group;
  }, [geo, generation, counts, by, tileUrl, parents]);

  // Count circles and hotspot circles on top.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.data?.remove();
    layers.current.hot?.remove();
    const data = L.layerGroup();
    const max = Math.max(1, ...counts.map((c) => c.count));
    for (const c of counts) {
      if (c.lat == null || c.lon == null || !c.count) continue;
      L.circleMarker([c.lat, c.lon], {
        radius: 3 + 17 * Math.sqrt(c.count / max),
        color: '#06331f',
        weight: 1.5,
        fillColor: '#1fa56b',
        fillOpacity: 0.75,
      })
        .bindTooltip(textNode(`${c.name ?? c.key}: ${formatNumber(c.count)} ${t('reports')}`))
        .addTo(data);
    }
    data.addTo(map);
    layers.current.data = data;
    // The first time data arrives, zoom to where the reports are.
    const pts = counts.filter((c) => c.lat != null && c.lon != null && c.count);
    if (!fitted.current && pts.length) {
      fitted.current = true;
      map.fitBounds(L.latLngBounds(pts.map((c) => [c.lat, c.lon] as [number, number])).pad(0.3), { maxZoom: 10 });
    }
    const hot = L.layerGroup();
    for (const h of hotspots) {
      if (!h.center) continue;
      L.circle([h.center.lat, h.center.lon], { radius: Math.max(0.3, h.radius_km) * 1000, color: '#c00', weight: 2, dashArray: '6 4', fillColor: '#f00', fillOpacity: 0.12 })
        .bindPopup(textNode(hotspotText(h, cats)))
        .addTo(hot);
      // A fixed-size ring too, so the alert stays visible at country zoom.
      L.circleMarker([h.center.lat, h.center.lon], { radius: 11, color: '#c00', weight: 3, fillColor: '#fff', fillOpacity: 0.6 })
        .bindPopup(textNode(hotspotText(h, cats)))
        .bindTooltip(textNode('⚠ ' + t('hotspots')))
        .addTo(hot);
    }
    hot.addTo(map);
    layers.current.hot = hot;
  }, [counts, hotspots, geo]);

  // Boarding houses (for those who may see housing): blue when a team covers them, red when a
  // house with 30+ workers has none.
  useEffect(() => {
    const ctl = new AbortController();
    get<{ items: HousePoint[] }>('/housing/map', ctl.signal).then(
      (d) => setHouses(d.items ?? []),
      () => setHouses([]),
    );
    return () => ctl.abort();
  }, []);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layers.current.houses?.remove();
    if (!showHouses) return;
    const group = L.layerGroup();
    for (const h of houses) {
      if (h.lat == null || h.lon == null) continue;
      const color = h.team_id ? '#1565c0' : h.needs_team ? '#c00' : '#777';
      L.circleMarker([h.lat, h.lon], { radius: 6, color, weight: 3, fillColor: '#fff', fillOpacity: 0.95 })
        .bindTooltip(textNode(`🏠 ${h.name} · ${formatNumber(h.residents)} ${t('house_workers')}${h.team_name ? ' · ' + h.team_name : ''}`))
        .on('click', () => navigate('/officer/housing/houses/' + h.id))
        .addTo(group);
    }
    group.addTo(map);
    layers.current.houses = group;
  }, [houses, showHouses, geo]);

  const saveTiles = (e: Event) => {
    e.preventDefault();
    const v = tileInput.trim();
    try {
      if (v) localStorage.setItem(TILE_KEY, v);
      else localStorage.removeItem(TILE_KEY);
    } catch {
      /* this page only */
    }
    setTileUrl(v);
  };

  return (
    <div class="map-page">
      <h1>{t('map_title')}</h1>
      <div class="map-controls">
        <label>
          {t('layer')}
          <select value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value as 'area')}>
            <option value="area">{t('by_area')}</option>
            <option value="grid">{t('by_grid')}</option>
            <option value="enterprise">{t('by_enterprise')}</option>
          </select>
        </label>
        <label>
          {t('category')}
          <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
            <option value="">{t('all')}</option>
            {cats.map((c) => (
              <option value={c.code}>{categoryLabel(c.code, cats)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('province')}
          <select value={generation} onChange={(e) => setGeneration((e.target as HTMLSelectElement).value as '2025')}>
            <option value="2025">{t('provinces_2025')}</option>
            <option value="63">{t('provinces_63')}</option>
          </select>
        </label>
        {houses.length > 0 && (
          <label class="inline-check">
            <input type="checkbox" id="show-houses" checked={showHouses} onChange={(e) => setShowHouses((e.target as HTMLInputElement).checked)} /> {t('house_layer')}
          </label>
        )}
        <button type="button" class="secondary" id="whole-country" onClick={() => mapRef.current?.fitBounds([[8.2, 102.1], [23.4, 114.8]])}>
          {t('whole_country')}
        </button>
        <form onSubmit={saveTiles} class="tile-form">
          <label>
            {t('tile_url')}
            <input type="url" value={tileInput} placeholder="https://…/{z}/{x}/{y}.png" onInput={(e) => setTileInput((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="secondary">OK</button>
        </form>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="map-layout">
        <div ref={el} class="map" id="map" role="region" aria-label={t('map_title')} data-counts={counts.length} data-hotspots={hotspots.length} data-houses={houses.length} data-geo={geo ? 'ready' : ''} />
        <Legend by={by} max={maxCount} houses={showHouses && houses.length > 0} hotspots={hotspots.length > 0} />
        <section class="hotspot-list" aria-label={t('hotspots')}>
          <h2>{t('hotspots')}</h2>
          {hotspots.length === 0 ? (
            <p class="muted">{t('no_hotspots')}</p>
          ) : (
            <ol>
              {hotspots.map((h) => (
                <li>
                  <button type="button" class="link" onClick={() => mapRef.current?.setView([h.center.lat, h.center.lon], 10)}>
                    {hotspotText(h, cats)}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

async function countsFromSummary(category: string, signal: AbortSignal): Promise<CountCell[]> {
  const [summary, communes, provinces] = await Promise.all([
    get<{ by_area: { area_code: string; name: string; count: number }[] }>('/stats/summary' + query({ category }), signal),
    getList<Area>('/areas' + query({ level: 'commune' }), signal),
    getList<Area>('/areas' + query({ level: 'province' }), signal),
  ]);
  const where = new Map([...communes, ...provinces].map((a) => [a.code, a]));
  return (summary.by_area ?? []).flatMap((a) => {
    const at = where.get(a.area_code);
    return at?.lat != null && at.lon != null ? [{ key: a.area_code, name: a.name, lat: at.lat, lon: at.lon, count: a.count }] : [];
  });
}

// Leaflet puts a string content into innerHTML, and house, team and enterprise names are typed
// by users: every popup, tooltip and label gets DOM text nodes instead, one line per argument.
function textNode(...lines: string[]): HTMLElement {
  const el = document.createElement('span');
  lines.forEach((line, i) => {
    if (i) el.appendChild(document.createElement('br'));
    el.appendChild(document.createTextNode(line));
  });
  return el;
}

function hotspotText(h: Hotspot, cats: ReturnType<typeof useCategories>): string {
  const cat = h.category ? categoryLabel(h.category, cats) + ': ' : '';
  const when = h.start || h.end ? ` (${formatDate(h.start, false)} – ${formatDate(h.end, false)})` : '';
  return `${cat}${formatNumber(h.observed)} ${t('observed')} / ${formatNumber(Number(h.expected), 1)} ${t('expected')}, p = ${formatNumber(Number(h.p_value), 3)}, ${formatNumber(Number(h.radius_km), 1)} km${when}`;
}
