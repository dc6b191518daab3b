// Follow a report with its receipt code: status, history, the officers' replies, and a reply box.
import { useEffect, useState } from 'preact/hooks';
import { post, type ReceiptView } from '../api';
import { formatDate, statusLabel, t } from '../i18n';
import { categoryLabel, describedBy, Field, FormError, toFieldErrors, useCategories, type FieldErrors } from '../ui';

// The receipt handed over from the receipt screen; kept in memory only (never in the URL).
let handedReceipt = '';
export function setFollowReceipt(r: string): void {
  handedReceipt = r;
}

export function Follow() {
  const cats = useCategories();
  const [receipt, setReceipt] = useState(handedReceipt);
  const [view, setView] = useState<ReceiptView | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);

  const lookup = async (e?: Event) => {
    e?.preventDefault();
    if (!receipt.trim()) {
      setErrors({ receipt: t('required') });
      return;
    }
    setBusy(true);
    try {
      setView(await post<ReceiptView>('/receipts/lookup', { receipt: receipt.trim() }));
      setErrors({});
    } catch (err) {
      setView(null);
      const fe = toFieldErrors(err);
      setErrors(fe[''] ? { receipt: fe[''] } : fe);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (handedReceipt) {
      handedReceipt = '';
      lookup();
    }
  }, []);

  const sendMessage = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('required') });
      return;
    }
    try {
      await post('/receipts/messages', { receipt: receipt.trim(), text: text.trim() });
      setText('');
      setSent(true);
      setErrors({});
      await lookup();
    } catch (err) {
      const fe = toFieldErrors(err);
      setErrors(fe[''] ? { text: fe[''] } : fe);
    }
  };

  return (
    <div class="follow">
      <h1>{t('follow_title')}</h1>
      <form onSubmit={lookup} class="inline-form">
        <Field id="receipt" label={t('receipt_input')} error={errors.receipt}>
          <input
            id="receipt"
            inputMode="numeric"
            autocomplete="off"
            class="receipt-input"
            value={receipt}
            placeholder="1234 5678 9012 3456"
            onInput={(e) => setReceipt((e.target as HTMLInputElement).value)}
            {...describedBy('receipt', errors.receipt)}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('loading') : t('look_up')}
        </button>
      </form>
      {view && (
        <section class="case-view" aria-live="polite">
          <dl class="facts">
            <dt>{t('status')}</dt>
            <dd>
              <span class={'status status-' + view.status}>{statusLabel(view.status)}</span>
            </dd>
            <dt>{t('category')}</dt>
            <dd>{categoryLabel(view.category, cats)}</dd>
            <dt>{t('created')}</dt>
            <dd>{formatDate(view.created_at)}</dd>
            <dt>{t('updated')}</dt>
            <dd>{formatDate(view.updated_at)}</dd>
          </dl>
          <h2>{t('messages')}</h2>
          {view.messages?.length ? (
            <ol class="messages">
              {view.messages.map((m) => (
                <li class={'msg msg-' + m.from}>
                  <span class="msg-meta">
                    {m.from === 'reporter' ? t('from_reporter') : m.org_name || t('from_officer')}
                    {m.relayed_by ? ` (${t('relayed_by')} ${m.relayed_by})` : ''} · {formatDate(m.at)}
                  </span>
                  <span class="msg-text">{m.text}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">{t('no_messages')}</p>
          )}
          <form onSubmit={sendMessage}>
            <Field id="text" label={t('reply')} error={errors.text}>
              <textarea id="text" rows={3} value={text} onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setSent(false); }} {...describedBy('text', errors.text)} />
            </Field>
            <FormError error={errors['']} />
            {sent && <p role="status" class="ok">{t('sent')}</p>}
            <button type="submit" class="primary">
              {t('send')}
            </button>
          </form>
          <h2>{t('history')}</h2>
          <ol class="timeline">
            {view.history?.map((h) => (
              <li>
                <time>{formatDate(h.at)}</time> — {statusLabel(h.status)}
                {h.org_name ? ` · ${h.org_name}` : ''}
                {h.reason && (
                  <p class="event-body">
                    {t('reject_reason')}: {h.reason}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
