// Worker home: one touch on a category tile opens the report form with it chosen.
import { CATEGORY_FALLBACK, t } from '../i18n';
import { categoryLabel, useCategories } from '../ui';

export function Home() {
  const cats = useCategories();
  return (
    <div class="home">
      <p class="lead">{t('tagline')}</p>
      <h1 class="h2">{t('home_report_title')}</h1>
      <ul class="tiles" role="list">
        {cats.map((c) => (
          <li>
            <a class={'tile cat-' + c.code} href={'/report/' + c.code} data-category={c.code}>
              <span class="tile-icon" aria-hidden="true">
                {CATEGORY_FALLBACK[c.code]?.icon ?? '📝'}
              </span>
              <span class="tile-label">{categoryLabel(c.code, cats)}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2 class="h2">{t('home_tools')}</h2>
      <ul class="tools" role="list">
        <li>
          <a class="tool" href="/check">
            <span aria-hidden="true">🔍</span> {t('home_check')}
          </a>
        </li>
        <li>
          <a class="tool" href="/follow">
            <span aria-hidden="true">🧾</span> {t('home_follow')}
          </a>
        </li>
        <li>
          <a class="tool" href="/warnings">
            <span aria-hidden="true">📣</span> {t('home_warnings')}
          </a>
        </li>
      </ul>
      <section class="emergency" aria-labelledby="emergency-title">
        <h2 id="emergency-title" class="h2">{t('emergency_title')}</h2>
        <ul class="calls" role="list">
          {(['113', '114', '115'] as const).map((n) => (
            <li>
              <a class="call" href={'tel:' + n}>
                <span class="call-number">{n}</span> <span class="call-label">{t(('call_' + n) as 'call_113')}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
