// The dashboard: totals and charts (by category, over time, by area, overdue by organisation)
// from /stats/summary, drawn with ECharts' modular core so only the bar and line charts ship.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { get, query } from '../api';
import { formatMonth, formatNumber, statusLabel, t } from '../i18n';
import { categoryLabel, errorText, Loading, useCategories } from '../ui';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

interface Summary {
  by_category: { category: string; count: number }[];
  by_status: { status: string; count: number }[];
  by_month: { month: string; count: number }[];
  by_area: { area_code: string; name: string; count: number }[];
  overdue: { org_id: number; name: string; count: number }[];
  total: number;
}

// A chart is a picture; the same numbers are also in a table (for screen readers, for copying,
// and for anyone who prefers to read them), and the picture's label says what it shows.
function Chart(props: { option: echarts.EChartsCoreOption; id: string; title: string; height?: number; rows: [string, number][]; labelHead?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.setOption(props.option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [props.option]);
  const top = props.rows.slice().sort((a, b) => b[1] - a[1])[0];
  const described = top ? `${props.title}: ${top[0]} ${formatNumber(top[1])}` : props.title;
  return (
    <figure class="card chart-card">
      <figcaption>{props.title}</figcaption>
      <div ref={el} class="chart" id={props.id} role="img" aria-label={described} style={{ height: (props.height ?? 260) + 'px' }} />
      <details class="chart-data">
        <summary>{t('data_table')}</summary>
        <table class="data-table" data-chart={props.id}>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHead ?? t('category')}</th>
              <th scope="col">{t('count')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{formatNumber(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function bars(names: string[], values: number[], horizontal = false, color = '#138a5a'): echarts.EChartsCoreOption {
  const cat = { type: 'category', data: names, axisLabel: { interval: 0, width: horizontal ? 150 : 70, overflow: 'truncate', rotate: horizontal ? 0 : 30 } };
  const val = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
    grid: { left: horizontal ? 160 : 48, right: 16, top: 12, bottom: horizontal ? 24 : 70 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ type: 'bar', data: values, itemStyle: { color } }],
    animation: false,
  };
}

export function Dashboard() {
  const cats = useCategories();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [data, setData] = useState<Summary | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    const ctl = new AbortController();
    get<Summary>('/stats/summary' + query({ from, to }), ctl.signal).then(setData, (e) => e.name !== 'AbortError' && setError(errorText(e)));
    return () => ctl.abort();
  }, [from, to]);

  const overdueTotal = data?.overdue?.reduce((s, o) => s + o.count, 0) ?? 0;
  const areas = (data?.by_area ?? []).slice().sort((a, b) => b.count - a.count).slice(0, 12);
  const overdue = (data?.overdue ?? []).slice().sort((a, b) => b.count - a.count).slice(0, 12);
  return (
    <div class="dashboard">
      <h1>{t('dashboard')}</h1>
      <div class="filters">
        <label>
          {t('from')}
          <input type="date" value={from} onChange={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={to} onChange={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <div class="kpis">
            <div class="kpi card">
              <span class="kpi-value" data-kpi="total" data-value={data.total}>{formatNumber(data.total)}</span>
              <span class="kpi-label">{t('total')}</span>
            </div>
            <div class="kpi card overdue">
              <span class="kpi-value" data-kpi="overdue" data-value={overdueTotal}>{formatNumber(overdueTotal)}</span>
              <span class="kpi-label">{t('overdue')}</span>
            </div>
            {(data.by_status ?? []).map((s) => (
              <div class="kpi card">
                <span class="kpi-value">{formatNumber(s.count)}</span>
                <span class="kpi-label">{statusLabel(s.status)}</span>
              </div>
            ))}
          </div>
          <div class="charts">
            <Chart id="chart-category" title={t('chart_category')} height={300} rows={data.by_category.map((c) => [categoryLabel(c.category, cats), c.count])} option={bars(data.by_category.map((c) => categoryLabel(c.category, cats)), data.by_category.map((c) => c.count), true)} />
            <Chart
              id="chart-month"
              title={t('chart_month')}
              labelHead={t('month')}
              rows={data.by_month.map((m) => [formatMonth(m.month), m.count])}
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
                grid: { left: 48, right: 16, top: 12, bottom: 30 },
                xAxis: { type: 'category', data: data.by_month.map((m) => formatMonth(m.month)) },
                yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
                series: [{ type: 'line', data: data.by_month.map((m) => m.count), areaStyle: { opacity: 0.15 }, itemStyle: { color: '#0b5d3b' } }],
                animation: false,
              }}
            />
            <Chart id="chart-area" title={t('chart_area')} labelHead={t('area')} height={320} rows={areas.map((a) => [a.name || a.area_code, a.count])} option={bars(areas.map((a) => a.name || a.area_code), areas.map((a) => a.count), true)} />
            <Chart id="chart-overdue" title={t('chart_overdue')} labelHead={t('org')} height={320} rows={overdue.map((o) => [o.name, o.count])} option={bars(overdue.map((o) => o.name), overdue.map((o) => o.count), true, '#b3261e')} />
          </div>
        </>
      )}
    </div>
  );
}
