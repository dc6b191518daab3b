// Boarding houses and self-management teams for officers: houses (with the gap filter), teams,
// the coverage KPI and CSV import/export, as tabs kept in the URL (?tab=). A team leader goes
// straight to their own team.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, query } from '../../api';
import { errorText, Loading } from '../../ui';
import { navigate } from '../../router';
import { ht } from './strings';
import type { House, Kpi, Team } from './types';
import { TeamPage } from './TeamPage';
import { ImportExport } from './ImportExport';
import { HouseForm, TeamForm } from './Forms';

const ORGANISERS = ['admin', 'federation_officer', 'union_officer'];

type Tab = 'houses' | 'teams' | 'kpi' | 'csv';

export function Housing(props: { search: URLSearchParams; role: string }) {
  if (props.role === 'team_leader') return <MyTeam />;
  const tab = (props.search.get('tab') as Tab) || 'houses';
  const tabs: Tab[] = ['houses', 'teams', 'kpi', 'csv'];
  const label = { houses: ht('houses'), teams: ht('teams'), kpi: ht('kpi'), csv: ht('import_export') };
  return (
    <div class="housing">
      <h1>{ht('housing')}</h1>
      <nav class="tabs" aria-label={ht('housing')}>
        {tabs.map((k) => (
          <a href={'/officer/housing?tab=' + k} aria-current={k === tab ? 'page' : undefined}>
            {label[k]}
          </a>
        ))}
      </nav>
      {tab === 'houses' && <HouseList search={props.search} canAdd={props.role !== 'police_officer'} />}
      {tab === 'teams' && <TeamList canAdd={ORGANISERS.includes(props.role)} />}
      {tab === 'kpi' && <KpiView search={props.search} />}
      {tab === 'csv' && <ImportExport />}
    </div>
  );
}

function MyTeam() {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<{ items: Team[] }>('/teams').then(
      (d) => (d.items.length ? setTeam(d.items[0]) : setError(ht('none'))),
      (e) => setError(errorText(e)),
    );
  }, []);
  if (error) return <p class="form-error" role="alert">{error}</p>;
  return team ? <TeamPage id={team.id} /> : <Loading />;
}

function HouseList(props: { search: URLSearchParams; canAdd: boolean }) {
  const uncovered = props.search.get('uncovered') === '1';
  const [q, setQ] = useState(props.search.get('q') ?? '');
  const [data, setData] = useState<{ items: House[]; total: number } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const ctl = new AbortController();
    get<{ items: House[]; total: number }>('/houses' + query({ uncovered, q: props.search.get('q'), limit: 200 }), ctl.signal).then(
      setData,
      (e) => (e as Error).name !== 'AbortError' && setError(errorText(e)),
    );
    return () => ctl.abort();
  }, [props.search.toString()]);
  const go = (next: { q?: string; uncovered?: boolean }) =>
    navigate('/officer/housing' + query({ tab: 'houses', q: next.q ?? q, uncovered: next.uncovered ?? uncovered }));
  return (
    <section>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q });
        }}
      >
        <label>
          {ht('search')} <input id="house-q" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          <input type="checkbox" checked={uncovered} onChange={(e) => go({ uncovered: (e.target as HTMLInputElement).checked })} /> {ht('uncovered_only')}
        </label>
      </form>
      {props.canAdd && (
        <details class="card add">
          <summary>{ht('add_house')}</summary>
          <HouseForm onSaved={(h) => navigate('/officer/housing/houses/' + h.id)} />
        </details>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
      {!data ? (
        <Loading />
      ) : (
        <table class="table houses" data-total={data.total}>
          <thead>
            <tr>
              <th>{ht('name')}</th>
              <th>{ht('area')}</th>
              <th>{ht('residents')}</th>
              <th>{ht('team')}</th>
              <th>{ht('safety')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((h) => (
              <tr class={h.needs_team ? 'needs-team' : ''}>
                <td>
                  <a href={'/officer/housing/houses/' + h.id}>{h.name}</a>
                  <br />
                  <small>{h.address}</small>
                </td>
                <td>{h.area_name ?? h.area_code}</td>
                <td>{h.residents}</td>
                <td>{h.team_name ? <a href={'/officer/housing/teams/' + h.team_id}>{h.team_name}</a> : <span class="badge overdue-badge">{h.needs_team ? ht('needs_team') : ht('no_team')}</span>}</td>
                <td>{h.latest_check?.checked_on ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TeamList(props: { canAdd: boolean }) {
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<{ items: Team[] }>('/teams').then((d) => setTeams(d.items), (e) => setError(errorText(e)));
  }, []);
  if (error) return <p class="form-error" role="alert">{error}</p>;
  if (!teams) return <Loading />;
  return (
    <>
    {props.canAdd && (
      <details class="card add">
        <summary>{ht('add_team')}</summary>
        <TeamForm onSaved={(t) => navigate('/officer/housing/teams/' + t.id)} />
      </details>
    )}
    <table class="table teams">
      <thead>
        <tr>
          <th>{ht('team')}</th>
          <th>{ht('area')}</th>
          <th>{ht('leader')}</th>
          <th>{ht('houses')}</th>
          <th>{ht('residents')}</th>
          <th>{ht('last_meeting')}</th>
        </tr>
      </thead>
      <tbody>
        {teams.map((t) => (
          <tr>
            <td>
              <a href={'/officer/housing/teams/' + t.id}>{t.name}</a>
            </td>
            <td>{t.area_name ?? t.area_code}</td>
            <td>{t.leader_name}</td>
            <td>{t.houses}</td>
            <td>{t.residents}</td>
            <td>{t.last_meeting_on ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

const pct = (x: number) => Math.round(x * 100) + ' %';

function KpiView(props: { search: URLSearchParams }) {
  const now = new Date();
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const [from, setFrom] = useState(props.search.get('from') ?? thisMonth);
  const [to, setTo] = useState(props.search.get('to') ?? thisMonth);
  const [kpi, setKpi] = useState<Kpi | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    get<Kpi>('/housing/kpi' + query({ from: props.search.get('from'), to: props.search.get('to') })).then(setKpi, (e) =>
      setError(e instanceof ApiError ? e.message : errorText(e)),
    );
  }, [props.search.toString()]);
  return (
    <section class="kpi">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate('/officer/housing' + query({ tab: 'kpi', from, to }));
        }}
      >
        <label>
          {ht('from_month')} <input type="month" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {ht('to_month')} <input type="month" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="secondary">OK</button>
      </form>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!kpi ? (
        !error && <Loading />
      ) : (
        <>
          <div class="kpi-cards">
            <p class="card kpi-card" data-kpi="coverage">
              <strong>{pct(kpi.total.coverage_rate)}</strong>
              <br />
              {ht('coverage')}: {kpi.total.covered_30plus}/{kpi.total.houses_30plus}
            </p>
            <p class="card kpi-card" data-kpi="meetings">
              <strong>{pct(kpi.meetings.rate)}</strong>
              <br />
              {ht('meetings_held')}: {kpi.meetings.held}/{kpi.meetings.expected}
            </p>
          </div>
          <h2>{ht('by_province')}</h2>
          <CoverageTable rows={kpi.by_province} />
          <h2>{ht('by_area')}</h2>
          <CoverageTable rows={kpi.by_area} />
          <h2>{ht('gaps')}</h2>
          {kpi.gaps.length === 0 ? (
            <p class="muted">{ht('none')}</p>
          ) : (
            <ol class="gaps">
              {kpi.gaps.map((g) => (
                <li>
                  <a href={'/officer/housing/houses/' + g.id}>{g.name}</a> — {g.address}, {g.area_name}: {g.residents} {ht('workers')}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function CoverageTable(props: { rows: Kpi['by_area'] }) {
  return (
    <table class="table">
      <thead>
        <tr>
          <th>{ht('area')}</th>
          <th>{ht('houses')}</th>
          <th>≥ 30</th>
          <th>{ht('coverage')}</th>
          <th>%</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <td>{r.name ?? r.area_code ?? r.province_code}</td>
            <td>{r.houses}</td>
            <td>{r.houses_30plus}</td>
            <td>{r.covered_30plus}</td>
            <td>{pct(r.coverage_rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
