// Coordination on the case page: refer / share the case with another organisation and answer
// referrals, link duplicate and related cases, and the case's photos. The server decides who
// may do what; this only shows the answers (and the errors next to their fields).
import { useEffect, useState } from 'preact/hooks';
import { get, getList, post, upload, query, api, type Attachment, type CaseLink, type Org, type Referral } from '../api';
import { formatDate, linkReasonLabel, orgKindLabel, referralStatusLabel, statusLabel, t } from '../i18n';
import { categoryLabel, describedBy, Field, FormError, toFieldErrors, useCategories, type FieldErrors } from '../ui';

export function Referrals(props: { caseId: number; onChange: () => void }) {
  const [items, setItems] = useState<Referral[]>([]);
  const [q, setQ] = useState('');
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [to, setTo] = useState<number | ''>('');
  const [kind, setKind] = useState('referral');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const load = () => get<{ items: Referral[] }>(`/cases/${props.caseId}/referrals`).then((r) => setItems(r.items), () => setItems([]));
  useEffect(() => { load(); }, [props.caseId]);
  useEffect(() => {
    if (q.trim().length < 2) return;
    const ctl = new AbortController();
    getList<Org>('/orgs' + query({ q: q.trim() }), ctl.signal).then(
      (list) => setOrgs(list.filter((o) => ['police', 'federation', 'authority', 'union', 'enterprise'].includes(o.kind))),
      () => {},
    );
    return () => ctl.abort();
  }, [q]);

  const send = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (to === '') errs.to_org_id = t('required');
    if (!reason.trim()) errs.reason = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await post(`/cases/${props.caseId}/referrals`, { to_org_id: to, reason: reason.trim(), kind });
      setReason('');
      setTo('');
      await load();
      props.onChange();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const decide = async (r: Referral, accept: boolean) => {
    try {
      await post(`/referrals/${r.id}/${accept ? 'accept' : 'decline'}`, note.trim() ? { note: note.trim() } : {});
      setNote('');
      setErrors({});
      await load();
      props.onChange();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };

  return (
    <section class="card referrals">
      <h2>{t('referral')}</h2>
      {items.length > 0 && (
        <>
          <h3>{t('referral_history')}</h3>
          <ul class="referral-list">
            {items.map((r) => (
              <li data-referral={r.id} data-status={r.status}>
                <strong>{r.kind === 'joint' ? t('referral_kind_joint') : t('referral_kind_referral')}</strong>: {r.from_org_name} → {r.to_org_name}{' '}
                <span class={'tag referral-' + r.status}>{referralStatusLabel(r.status)}</span>
                <br />
                <span class="muted">{formatDate(r.created_at)}</span> · {r.reason}
                {r.decision_note && <p class="event-body">{r.decision_note}</p>}
                {r.can_decide && (
                  <div class="actions">
                    <button type="button" class="primary" onClick={() => decide(r, true)}>{t('referral_accept')}</button>
                    <button type="button" class="secondary" onClick={() => decide(r, false)}>{t('referral_decline')}</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {items.some((r) => r.can_decide) && (
            <Field id="referral-note" label={t('referral_note')} error={errors.note}>
              <input id="referral-note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} {...describedBy('referral-note', errors.note)} />
            </Field>
          )}
        </>
      )}
      <form onSubmit={send} noValidate>
        <Field id="referral-search" label={t('referral_search')}>
          <input id="referral-search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="referral-to" label={t('referral_to')} error={errors.to_org_id}>
          <select id="referral-to" value={to} onChange={(e) => setTo(+(e.target as HTMLSelectElement).value || '')} {...describedBy('referral-to', errors.to_org_id)}>
            <option value="">{t('choose')}</option>
            {orgs.map((o) => <option value={o.id}>{o.name} ({orgKindLabel(o.kind)})</option>)}
          </select>
        </Field>
        <Field id="referral-kind" label={t('referral_kind')}>
          <select id="referral-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="referral">{t('referral_kind_referral')}</option>
            <option value="joint">{t('referral_kind_joint')}</option>
          </select>
        </Field>
        <Field id="referral-reason" label={t('referral_reason')} error={errors.reason}>
          <textarea id="referral-reason" rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} {...describedBy('referral-reason', errors.reason)} />
        </Field>
        <FormError error={errors[''] || errors.kind} />
        <button type="submit" class="secondary">{t('referral_send')}</button>
      </form>
    </section>
  );
}

export function Links(props: { caseId: number }) {
  const cats = useCategories();
  const [items, setItems] = useState<CaseLink[]>([]);
  const [suggestions, setSuggestions] = useState<CaseLink[]>([]);
  const [other, setOther] = useState('');
  const [kind, setKind] = useState('duplicate');
  const [errors, setErrors] = useState<FieldErrors>({});
  const load = () => {
    get<{ items: CaseLink[] }>(`/cases/${props.caseId}/links`).then((r) => setItems(r.items), () => setItems([]));
    get<{ items: CaseLink[] }>(`/cases/${props.caseId}/link-suggestions`).then((r) => setSuggestions(r.items), () => setSuggestions([]));
  };
  useEffect(load, [props.caseId]);
  const add = async (id: number, reason?: string | null) => {
    try {
      await post(`/cases/${props.caseId}/links`, reason ? { other_case_id: id, kind, reason } : { other_case_id: id, kind });
      setOther('');
      setErrors({});
      load();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await api('DELETE', `/cases/${props.caseId}/links/${id}`);
      load();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const linked = new Set(items.map((l) => l.case_id));
  return (
    <section class="card links">
      <h2>{t('links')}</h2>
      <ul>
        {items.map((l) => (
          <li data-link={l.case_id}>
            {l.visible ? <a href={`/officer/cases/${l.case_id}`}>#{l.case_id}</a> : <span>#{l.case_id}</span>} · {l.kind === 'duplicate' ? t('link_duplicate') : t('link_related')}
            {l.category && <> · {categoryLabel(l.category, cats)}</>}
            {l.status && <> · {statusLabel(l.status)}</>}{' '}
            <button type="button" class="link" onClick={() => remove(l.case_id)}>{t('link_remove')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); if (+other > 0) add(+other); else setErrors({ other_case_id: t('required') }); }} noValidate>
        <Field id="other_case_id" label={t('link_case')} error={errors.other_case_id}>
          <input id="other_case_id" inputMode="numeric" value={other} onInput={(e) => setOther((e.target as HTMLInputElement).value.replace(/\D/g, ''))} {...describedBy('other_case_id', errors.other_case_id)} />
        </Field>
        <select aria-label={t('link_kind')} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="duplicate">{t('link_duplicate')}</option>
          <option value="related">{t('link_related')}</option>
        </select>{' '}
        <button type="submit" class="secondary">{t('link_add')}</button>
        <FormError error={errors[''] || errors.kind} />
      </form>
      {suggestions.filter((s) => !linked.has(s.case_id)).length > 0 && (
        <>
          <h3>{t('link_suggestions')}</h3>
          <ul>
            {suggestions.filter((s) => !linked.has(s.case_id)).map((s) => (
              <li>
                {/* An enterprise officer is not told why a case is suggested (the reason can name a house). */}
                <a href={`/officer/cases/${s.case_id}`}>#{s.case_id}</a> · {s.category && categoryLabel(s.category, cats)}
                {s.reason ? ' · ' + linkReasonLabel(s.reason) : ''}{' '}
                <button type="button" class="link" onClick={() => add(s.case_id, s.reason)}>{t('link_add')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Photos(props: { caseId: number; canAdd: boolean }) {
  const [items, setItems] = useState<Attachment[]>([]);
  const [error, setError] = useState('');
  const load = () => get<{ items: Attachment[] }>(`/cases/${props.caseId}/attachments`).then((r) => setItems(r.items), () => setItems([]));
  useEffect(() => { load(); }, [props.caseId]);
  const add = async (file: File) => {
    if (file.size > 10 * 1024 * 1024) return setError(t('photo_too_large'));
    try {
      await upload(`/cases/${props.caseId}/attachments`, file);
      setError('');
      load();
    } catch (err) {
      setError(toFieldErrors(err)[''] || toFieldErrors(err).file || String(err));
    }
  };
  return (
    <section class="card photos">
      <h2>{t('photos')}</h2>
      <div class="thumbs">
        {items.map((a) => (
          <a href={a.url} target="_blank" rel="noopener">
            <img src={a.thumb_url} alt={`${t('photos')} #${a.id}`} loading="lazy" width={Math.min(160, a.width)} />
          </a>
        ))}
      </div>
      {props.canAdd && (
        <Field id="photo-add" label={t('photo_add')} error={error}>
          <input id="photo-add" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) add(f); }} />
        </Field>
      )}
    </section>
  );
}
