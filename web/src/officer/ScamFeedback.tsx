// Workers' "this verdict was wrong" feedback beside the registry status of the indicators in
// the texts they agreed to share; officers add items to the retraining set or dismiss them.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type ScamFeedbackItem } from '../api';
import { t } from '../i18n';

export function ScamFeedback() {
  const [items, setItems] = useState<ScamFeedbackItem[]>([]);
  const [error, setError] = useState('');
  const load = () =>
    get<{ items: ScamFeedbackItem[] }>('/scam/feedback?limit=100')
      .then((d) => setItems(d.items))
      .catch((e) => setError(String(e.message || e)));
  useEffect(() => {
    load();
  }, []);
  const review = async (id: number, decision: 'scam' | 'safe' | 'dismiss') => {
    try {
      const item = await post<ScamFeedbackItem>(`/scam/feedback/${id}/review`, { decision });
      setItems(items.map((x) => (x.id === id ? item : x)));
    } catch (e) {
      setError(String((e as Error).message || e));
    }
  };
  return (
    <section class="scam-feedback">
      <h1>{t('scam_feedback')}</h1>
      <p class="muted">{t('scam_feedback_intro')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      <ul class="feedback-list">
        {items.map((f) => (
          <li key={f.id} data-status={f.status}>
            <p>
              <strong>{t(('verdict_' + f.verdict) as 'verdict_scam')}</strong> · {Math.round(f.score * 100)}/100 · {f.day} ·{' '}
              {t(('fb_status_' + f.status) as 'fb_status_new')} · {t('fb_same_text')}: {f.same_text_count}
            </p>
            <blockquote>{f.text ?? t('fb_text_hidden')}</blockquote>
            {f.indicators.length > 0 && (
              <ul class="indicators">
                {f.indicators.map((i) => (
                  <li>
                    <span class="tag">{t(('ind_' + i.kind) as 'ind_phone')}</span> <code>{i.value}</code> —{' '}
                    {t(('reg_' + (i.registry_status ?? 'unknown')) as 'reg_unknown')}
                  </li>
                ))}
              </ul>
            )}
            {f.status === 'new' && (
              <p class="actions">
                {f.text_shared && (
                  <>
                    <button type="button" onClick={() => review(f.id, 'scam')}>{t('fb_add_scam')}</button>{' '}
                    <button type="button" onClick={() => review(f.id, 'safe')}>{t('fb_add_safe')}</button>{' '}
                  </>
                )}
                <button type="button" class="secondary" onClick={() => review(f.id, 'dismiss')}>{t('fb_dismiss')}</button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
