// The scam checker: paste a message, get a verdict with the reasons and indicators found.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type CheckResult } from '../api';
import { indicatorKindLabel, t } from '../i18n';
import { getLang } from '../lang';
import { describedBy, Field, toFieldErrors, type FieldErrors } from '../ui';

let textForReport = '';
export function takeTextForReport(): string {
  const s = textForReport;
  textForReport = '';
  return s;
}

export function Check() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [share, setShare] = useState(false);
  const [sent, setSent] = useState(false);
  const [checkedText, setCheckedText] = useState('');

  // The reasons come from the server in the request's language: ask again when it changes.
  const lang = getLang();
  const checkedLang = useRef(lang);
  useEffect(() => {
    if (result && checkedLang.current !== lang) {
      checkedLang.current = lang;
      post<CheckResult>('/check', { text }).then(setResult, () => {});
    }
  }, [lang]);

  const check = async (e: Event) => {
    e.preventDefault();
    checkedLang.current = getLang();
    if (!text.trim()) {
      setErrors({ text: t('required') });
      return;
    }
    setBusy(true);
    try {
      setResult(await post<CheckResult>('/check', { text }));
      setCheckedText(text);
      setSent(false);
      setErrors({});
    } catch (err) {
      setResult(null);
      const fe = toFieldErrors(err);
      setErrors(fe[''] ? { text: fe[''] } : fe);
    } finally {
      setBusy(false);
    }
  };

  // One tap: only the verdict and a keyed hash are kept, the text only when the worker ticks the box.
  const wrong = async () => {
    try {
      await post('/check/feedback', { text: checkedText, share_text: share });
      setSent(true);
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };

  return (
    <div class="check">
      <h1>{t('check_title')}</h1>
      <form onSubmit={check}>
        <Field id="text" label={t('check_input')} error={errors.text}>
          <textarea id="text" rows={6} maxLength={10000} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} {...describedBy('text', errors.text)} />
        </Field>
        <button type="submit" class="primary big" disabled={busy}>
          {busy ? t('checking') : t('check_button')}
        </button>
      </form>
      {result && (
        <section class={'verdict verdict-' + result.verdict} aria-live="polite" data-verdict={result.verdict}>
          <h2>{t(('verdict_' + result.verdict) as 'verdict_scam')}</h2>
          {result.verdict === 'safe' && <p>{t('verdict_safe_note')}</p>}
          <p class="muted">
            {t('score')}: {Math.round((result.score ?? 0) * 100)}/100
          </p>
          {result.reasons?.length > 0 && (
            <>
              <h3>{t('reasons')}</h3>
              <ul>
                {result.reasons.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </>
          )}
          {result.indicators?.length > 0 && (
            <>
              <h3>{t('indicators')}</h3>
              <ul class="indicators">
                {result.indicators.map((i) => (
                  <li>
                    <span class="tag">{indicatorKindLabel(i.kind)}</span> <code>{i.value}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="verdict-feedback">
            {sent ? (
              <p role="status">{t('verdict_wrong_thanks')}</p>
            ) : (
              <>
                <p>{t('verdict_wrong')}</p>
                <label class="check-line" for="share-text">
                  <input id="share-text" type="checkbox" checked={share} onChange={(e) => setShare((e.target as HTMLInputElement).checked)} />{' '}
                  {t('verdict_wrong_share')}
                </label>
                <button type="button" class="secondary" onClick={wrong}>
                  {t('verdict_wrong_send')}
                </button>
              </>
            )}
          </div>
          {result.verdict !== 'safe' && (
            <p>
              <a class="button secondary" href="/report/scam" onClick={() => (textForReport = text)}>
                {t('report_this_scam')}
              </a>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
