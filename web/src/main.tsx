// Entry: the layout, the language switch and the routes. Worker pages are in this chunk; the
// officer console is loaded on demand so a worker's phone never downloads it.
import { render, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { t } from './i18n';
import { getLang, setLang, type Lang } from './lang';
import { onLinkClick, useLocation } from './router';
import { Check } from './worker/Check';
import { Follow } from './worker/Follow';
import { Home } from './worker/Home';
import { Report } from './worker/Report';
import { Warnings } from './worker/Warnings';
import { takeTextForReport } from './worker/Check';
import { Loading } from './ui';

// Loads the officer console module once, then renders it.
let consoleModule: Promise<{ Console: ComponentType<{ path: string; search: URLSearchParams }> }> | null = null;
function OfficerConsole(props: { path: string; search: URLSearchParams }) {
  const [mod, setMod] = useState<ComponentType<{ path: string; search: URLSearchParams }> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    consoleModule ??= import('./officer/Console');
    consoleModule.then(
      (m) => setMod(() => m.Console),
      () => {
        consoleModule = null;
        setFailed(true);
      },
    );
  }, []);
  if (failed) return <p class="form-error" role="alert">{t('network_error')}</p>;
  return mod ? h(mod, props) : <Loading />;
}
function h<P>(C: ComponentType<P>, p: P) {
  const Comp = C as ComponentType<any>;
  return <Comp {...(p as any)} />;
}

function App() {
  const [lang, setLangState] = useState<Lang>(getLang());
  const { path, search } = useLocation();
  const officer = path === '/officer' || path.startsWith('/officer/');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const switchLang = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    setLang(next);
    setLangState(next);
  };

  let page;
  const m = path.match(/^\/report\/([a-z_]+)$/);
  if (path === '/') page = <Home />;
  else if (m) page = <Report category={m[1]} prefill={m[1] === 'scam' ? takeTextForReport() : ''} house={search.get('house')} />;
  // A boarding house's poster QR code: /report?house=<id> (dormitory safety unless changed).
  else if (path === '/report') page = <Report category={search.get('house') ? 'dormitory_safety' : 'other'} house={search.get('house')} />;
  else if (path === '/follow') page = <Follow />;
  else if (path === '/check') page = <Check />;
  else if (path === '/warnings') page = <Warnings />;
  else if (officer) page = <OfficerConsole path={path} search={search} />;
  else page = <p>{t('not_found')}</p>;

  return (
    <div class={'app' + (officer ? ' officer' : ' worker')} onClick={onLinkClick as any}>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="topbar">
        <a class="brand" href={officer ? '/officer' : '/'}>
          <span aria-hidden="true">🛡️</span> {t('app_name')}
        </a>
        <button type="button" class="lang" onClick={switchLang} lang={lang === 'vi' ? 'en' : 'vi'} title={t('lang_switch_label')}>
          {t('lang_switch')}
        </button>
      </header>
      {!officer && (
        <nav class="worker-nav" aria-label="An Toàn">
          <a href="/" aria-current={path === '/' ? 'page' : undefined}>{t('nav_home')}</a>
          <a href="/check" aria-current={path === '/check' ? 'page' : undefined} title={t('nav_check')}>{t('nav_check_short')}</a>
          <a href="/follow" aria-current={path === '/follow' ? 'page' : undefined}>{t('nav_follow')}</a>
          <a href="/warnings" aria-current={path === '/warnings' ? 'page' : undefined}>{t('nav_warnings')}</a>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      {!officer && (
        <footer class="footer">
          <a href="/officer">{t('nav_officer')}</a>
        </footer>
      )}
    </div>
  );
}

render(<App />, document.getElementById('app')!);
