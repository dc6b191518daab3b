// The officer console: login, then the scoped case inbox, a case page, the map and the
// dashboard. The map (Leaflet + GeoJSON) and dashboard (ECharts) load as separate chunks.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, post, setCsrf, setUnauthorizedHandler, type User } from '../api';
import { roleLabel, t } from '../i18n';
import { navigate } from '../router';
import { describedBy, Field, FormError, Loading, toFieldErrors, type FieldErrors } from '../ui';
import { CasePage } from './CasePage';
import { Inbox } from './Inbox';
import { HousePage } from './housing/HousePage';
import { Housing } from './housing/Housing';
import { ht } from './housing/strings';
import { TeamPage } from './housing/TeamPage';

type Props = { path: string; search: URLSearchParams };

function userOf(d: any): User | null {
  if (!d) return null;
  if (d.user) return d.user as User;
  return d.username ? (d as User) : null;
}

// What the console may offer (from /auth/me, decided by the server's policy).
interface Can { map: boolean; housing: boolean; routing: boolean; export: boolean; scam_feedback?: boolean }

export function Console(props: Props) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [can, setCan] = useState<Can | null>(null);
  const loadMe = () =>
    get<any>('/auth/me').then(
      (d) => {
        if (d?.csrf_token) setCsrf(d.csrf_token);
        setCan(d?.can ?? null);
        setUser(userOf(d));
      },
      () => setUser(null),
    );
  useEffect(() => {
    setUnauthorizedHandler(() => setUser(null));
    loadMe();
    return () => setUnauthorizedHandler(null);
  }, []);

  if (user === undefined) return <Loading />;
  if (!user) return <Login onLogin={(u) => { setUser(u); loadMe(); }} />;

  const logout = async () => {
    try {
      await post('/auth/logout', {});
    } catch {
      /* the session is dropped on our side anyway */
    }
    setCsrf('');
    setUser(null);
    navigate('/officer');
  };

  const { path } = props;
  const caseMatch = path.match(/^\/officer\/cases\/(\d+)$/);
  let page;
  if (caseMatch) page = <CasePage id={+caseMatch[1]} />;
  else if (path === '/officer/map') page = <Lazy key="map" load={() => import('./MapPage').then((m) => m.MapPage)} />;
  else if (path === '/officer/dashboard') page = <Lazy key="dashboard" load={() => import('./Dashboard').then((m) => m.Dashboard)} />;
  else if (path.startsWith('/officer/housing')) page = <HousingRoutes path={path} search={props.search} role={user.role} />;
  else if (path === '/officer/routing') page = <Lazy key="routing" load={() => import('./RoutingRules').then((m) => m.RoutingRules)} />;
  else if (path === '/officer/scam-feedback') page = <Lazy key="scamfb" load={() => import('./ScamFeedback').then((m) => m.ScamFeedback)} />;
  else page = <Inbox search={props.search} />;

  const cur = (p: string) => (path === p || (p === '/officer' && (path === '/officer/cases' || !!caseMatch)) ? 'page' : undefined);
  return (
    <div class="console">
      <nav class="console-nav" aria-label={t('nav_officer')}>
        <a href="/officer" aria-current={cur('/officer')}>{t('inbox')}</a>
        {can?.map && <a href="/officer/map" aria-current={cur('/officer/map')}>{t('map')}</a>}
        <a href="/officer/dashboard" aria-current={cur('/officer/dashboard')}>{t('dashboard')}</a>
        {can?.housing && (
          <a href="/officer/housing" aria-current={path.startsWith('/officer/housing') ? 'page' : undefined}>
            {user.role === 'team_leader' ? ht('my_team') : ht('housing')}
          </a>
        )}
        {can?.routing && (
          <a href="/officer/routing" aria-current={cur('/officer/routing')}>{t('routing')}</a>
        )}
        {can?.scam_feedback && (
          <a href="/officer/scam-feedback" aria-current={cur('/officer/scam-feedback')}>{t('scam_feedback')}</a>
        )}
        <span class="who" data-role={user.role} title={roleLabel(user.role)}>
          {user.display_name || user.username}
          {user.org_name ? ' · ' + user.org_name : ''}
        </span>
        <button type="button" class="link" onClick={logout}>
          {t('logout')}
        </button>
      </nav>
      {page}
    </div>
  );
}

// Boarding houses and teams (enterprise officers have no housing pages: the API refuses them).
function HousingRoutes(props: { path: string; search: URLSearchParams; role: string }) {
  const house = props.path.match(/^\/officer\/housing\/houses\/(\d+)$/);
  const team = props.path.match(/^\/officer\/housing\/teams\/(\d+)$/);
  if (house) return <HousePage id={+house[1]} />;
  if (team) return <TeamPage id={+team[1]} />;
  return <Housing search={props.search} role={props.role} />;
}

const lazyCache = new Map<unknown, ComponentType>();
function Lazy(props: { load: () => Promise<ComponentType> }) {
  const key = props.load.toString();
  const [C, setC] = useState<ComponentType | null>(() => lazyCache.get(key) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (C) return;
    props.load().then(
      (c) => {
        lazyCache.set(key, c);
        setC(() => c);
      },
      () => setFailed(true),
    );
  }, [key]);
  if (failed) return <p class="form-error" role="alert">{t('network_error')}</p>;
  return C ? <C /> : <Loading />;
}

function Login(props: { onLogin: (u: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!username.trim()) errs.username = t('required');
    if (!password) errs.password = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await post<{ user: User; csrf_token: string }>('/auth/login', { username: username.trim(), password });
      setCsrf(r.csrf_token);
      props.onLogin(r.user);
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login card" onSubmit={submit} noValidate>
      <h1>{t('login_title')}</h1>
      <Field id="username" label={t('username')} error={errors.username}>
        <input id="username" autocomplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} {...describedBy('username', errors.username)} />
      </Field>
      <Field id="password" label={t('password')} error={errors.password}>
        <input id="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} {...describedBy('password', errors.password)} />
      </Field>
      <FormError error={errors['']} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('loading') : t('login')}
      </button>
    </form>
  );
}
