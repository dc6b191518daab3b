// Place from a point, in the browser: the same test the server makes for reports that send
// only coordinates (src/orgs/province_shapes.cc, OrgService::area_at), on the same file
// (data/areas/province_shapes.csv, made by scripts/build-geo.mjs). The province is the one
// whose boundary contains the point, never the one whose centre is nearest (a worker in Từ Sơn
// is nearer to Hà Nội's centre than to Bắc Ninh's); then the nearest commune of that province
// that antoan knows, within COMMUNE_REACH_KM. Loaded only when a worker taps "Dùng vị trí của
// tôi", so the boundaries never weigh on the first page load; the point never leaves the phone
// until the report is sent.
import shapesCsv from '../../data/areas/province_shapes.csv?raw';

export const COMMUNE_REACH_KM = 10;
const MAX_OFFSHORE_KM = 20;
const KM_PER_DEGREE = 111.195;

interface Ring {
  pts: Float64Array; // lon, lat, lon, lat, …
  minLon: number; maxLon: number; minLat: number; maxLat: number;
}
interface Polygon { code: string; rings: Ring[] }

let parsed: Polygon[] | null = null;
function polygons(): Polygon[] {
  if (parsed) return parsed;
  const out: Polygon[] = [];
  for (const line of shapesCsv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [code, , , ring, points] = line.split(',');
    const pts = new Float64Array(points.trim().split(' ').map(Number));
    let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
    for (let i = 0; i < pts.length; i += 2) {
      minLon = Math.min(minLon, pts[i]); maxLon = Math.max(maxLon, pts[i]);
      minLat = Math.min(minLat, pts[i + 1]); maxLat = Math.max(maxLat, pts[i + 1]);
    }
    const r = { pts, minLon, maxLon, minLat, maxLat };
    if (ring === '0') out.push({ code, rings: [r] });
    else out[out.length - 1]?.rings.push(r);
  }
  return (parsed = out);
}

function contains(r: Ring, lat: number, lon: number): boolean {
  if (lon < r.minLon || lon > r.maxLon || lat < r.minLat || lat > r.maxLat) return false;
  let inside = false;
  const p = r.pts, n = p.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
    if (yi > lat !== yj > lat && lon < xj + ((lat - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
  }
  return inside;
}

function segmentKm(lat: number, lon: number, alat: number, alon: number, blat: number, blon: number): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const ax = (alon - lon) * k, ay = alat - lat, bx = (blon - lon) * k, by = blat - lat;
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy) * KM_PER_DEGREE;
}

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon2 - lon1) * k, lat2 - lat1) * KM_PER_DEGREE;
}

// The 2025 province code of a point, or null outside Vietnam (a point at sea near the coast
// belongs to the nearest province).
export function provinceAt(lat: number, lon: number): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const all = polygons();
  for (const poly of all)
    if (contains(poly.rings[0], lat, lon) && !poly.rings.slice(1).some((h) => contains(h, lat, lon))) return poly.code;
  let best: string | null = null, bestKm = MAX_OFFSHORE_KM;
  for (const poly of all) {
    const p = poly.rings[0].pts, n = p.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const d = segmentKm(lat, lon, p[2 * j + 1], p[2 * j], p[2 * i + 1], p[2 * i]);
      if (d <= bestKm) { bestKm = d; best = poly.code; }
    }
  }
  return best;
}

// The nearest of the given communes within reach, or undefined.
export function nearestCommune<A extends { lat?: number; lon?: number }>(communes: A[], lat: number, lon: number): A | undefined {
  let best: A | undefined, bestKm = COMMUNE_REACH_KM;
  for (const c of communes) {
    if (c.lat == null || c.lon == null) continue;
    const d = distanceKm(lat, lon, c.lat, c.lon);
    if (d <= bestKm) { bestKm = d; best = c; }
  }
  return best;
}
