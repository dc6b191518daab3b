// The report form (category chosen on the home page) and, once sent, the receipt screen.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, get, getList, post, query, randomKey, upload, type Org, type ReportCreated } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { AreaPicker, categoryLabel, describedBy, Field, FormError, toFieldErrors, useCategories, type AreaValue, type FieldErrors } from '../ui';
import { setFollowReceipt } from './Follow';

export function formatReceipt(r: string): string {
  return r.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

interface PublicHouse { token: string; name: string; area_code: string; province_code: string; area_name?: string }

export function Report(props: { category: string; prefill?: string; house?: string | null }) {
  const cats = useCategories();
  const [category, setCategory] = useState(props.category);
  const [description, setDescription] = useState(props.prefill ?? '');
  const [area, setArea] = useState<AreaValue>({ province: '', commune: '' });
  const [incidentAt, setIncidentAt] = useState('');
  const [contact, setContact] = useState('');
  const [exactLocation, setExactLocation] = useState(false);
  const [enterpriseQuery, setEnterpriseQuery] = useState('');
  const [enterprises, setEnterprises] = useState<Org[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ReportCreated | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoFailed, setPhotoFailed] = useState(false);
  // One key per filled-in form: a retry after a lost answer never files the report twice.
  const idempotencyKey = useMemo(randomKey, []);

  useEffect(() => setCategory(props.category), [props.category]);

  // Opened from a boarding house's poster: name the house and pre-fill its area.
  const [house, setHouse] = useState<PublicHouse | null>(null);
  useEffect(() => {
    setHouse(null);
    if (!props.house || !/^[A-Za-z0-9_-]{16,64}$/.test(props.house)) return;
    get<PublicHouse>('/posters/' + encodeURIComponent(props.house)).then(
      (h) => {
        setHouse(h);
        setArea({ province: h.province_code, commune: h.area_code === h.province_code ? '' : h.area_code });
      },
      () => setHouse(null),
    );
  }, [props.house]);

  // Enterprise suggestions for the chosen area (optional field).
  useEffect(() => {
    if (enterpriseQuery.trim().length < 2) {
      setEnterprises([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      getList<Org>('/orgs' + query({ kind: 'enterprise', q: enterpriseQuery.trim() }), ctl.signal).then(
        (o) => setEnterprises(o.slice(0, 20)),
        () => setEnterprises([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [enterpriseQuery, area.province]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!description.trim()) errs.description = t('need_description');
    if (!area.province) errs.area_code = t('need_area');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(errs.description ? 'description' : 'area-province')?.focus();
      return;
    }
    const enterprise = enterprises.find((o) => o.name === enterpriseQuery.trim());
    const body: Record<string, unknown> = {
      category,
      description: description.trim(),
      area_code: area.commune || area.province,
      channel: 'web',
    };
    if (area.lat != null && area.lon != null) {
      // The server keeps ~100 m unless the worker asks for help at the exact spot.
      body.lat = +area.lat.toFixed(exactLocation ? 5 : 3);
      body.lon = +area.lon.toFixed(exactLocation ? 5 : 3);
      if (exactLocation) body.exact_location = true;
    }
    if (enterprise) body.enterprise_id = enterprise.id;
    if (house) body.house_token = house.token;
    if (incidentAt) body.incident_at = new Date(incidentAt).toISOString();
    if (contact.trim()) body.contact = contact.trim();
    setBusy(true);
    try {
      const r = await post<ReportCreated>('/reports', body, { 'Idempotency-Key': idempotencyKey });
      // The photo follows the report, with its receipt; the report stands even if it fails.
      if (photo) await upload('/receipts/attachments', photo, { 'X-Receipt': r.receipt }).catch(() => setPhotoFailed(true));
      setDone(r);
    } catch (err) {
      const fe = toFieldErrors(err);
      setErrors(fe);
      const field = err instanceof ApiError ? err.field : undefined;
      if (field) document.getElementById(field === 'area_code' ? 'area-province' : field)?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <>
        {photoFailed && <p class="form-error" role="alert">{t('photo_failed')}</p>}
        <ReceiptScreen receipt={done.receipt} />
      </>
    );

  return (
    <form class="report" onSubmit={submit} noValidate>
      <h1>{t('report_title')}</h1>
      {house && (
        <p class="house-banner" role="note">
          🏠 {t('report_house')}: <strong>{house.name}</strong>
          {house.area_name ? ' — ' + house.area_name : ''}
        </p>
      )}
      <Field id="category" label={t('category')} error={errors.category}>
        <select id="category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)} {...describedBy('category', errors.category)}>
          {cats.map((c) => (
            <option value={c.code}>{categoryLabel(c.code, cats)}</option>
          ))}
        </select>
      </Field>
      <Field id="description" label={t('description') + ' *'} hint={t('description_hint')} error={errors.description}>
        <textarea
          id="description"
          rows={5}
          maxLength={5000}
          required
          value={description}
          onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
          {...describedBy('description', errors.description, true)}
        />
      </Field>
      <AreaPicker value={area} onChange={setArea} error={errors.area_code || errors.lat || errors.lon} />
      {area.lat != null && area.lon != null && (
        <div class="field">
          <label class="inline-check" for="exact_location">
            <input id="exact_location" type="checkbox" checked={exactLocation} onChange={(e) => setExactLocation((e.target as HTMLInputElement).checked)} aria-describedby="exact_location-hint" />{' '}
            {t('exact_location')}
          </label>
          <p class="hint" id="exact_location-hint">
            {t('exact_location_hint')}
          </p>
        </div>
      )}
      <Field id="enterprise" label={t('enterprise')} hint={t('enterprise_search')} error={errors.enterprise_id}>
        <input
          id="enterprise"
          list="enterprise-list"
          autocomplete="off"
          value={enterpriseQuery}
          onInput={(e) => setEnterpriseQuery((e.target as HTMLInputElement).value)}
          {...describedBy('enterprise', errors.enterprise_id, true)}
        />
        <datalist id="enterprise-list">
          {enterprises.map((o) => (
            <option value={o.name} />
          ))}
        </datalist>
      </Field>
      <Field id="incident_at" label={t('incident_at')} error={errors.incident_at}>
        <input id="incident_at" type="datetime-local" value={incidentAt} max={new Date().toISOString().slice(0, 16)} onInput={(e) => setIncidentAt((e.target as HTMLInputElement).value)} {...describedBy('incident_at', errors.incident_at)} />
      </Field>
      <Field id="contact" label={t('contact')} hint={t('contact_hint')} error={errors.contact}>
        <input id="contact" type="text" inputMode="tel" autocomplete="tel" value={contact} onInput={(e) => setContact((e.target as HTMLInputElement).value)} {...describedBy('contact', errors.contact, true)} />
      </Field>
      <Field id="photo" label={t('photo_optional')} error={errors.photo}>
        <input
          id="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0] ?? null;
            setErrors({ ...errors, photo: f && f.size > 10 * 1024 * 1024 ? t('photo_too_large') : '' });
            setPhoto(f && f.size <= 10 * 1024 * 1024 ? f : null);
          }}
          {...describedBy('photo', errors.photo)}
        />
      </Field>
      <FormError error={errors[''] || errors.channel} />
      <button type="submit" class="primary big" disabled={busy}>
        {busy ? t('sending') : t('submit_report')}
      </button>
    </form>
  );
}

function ReceiptScreen(props: { receipt: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const shown = formatReceipt(props.receipt);
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown);
    } catch {
      // Older phones / plain http: select the text so the user can copy it by hand.
      const el = document.getElementById('receipt-code');
      if (el) getSelection()?.selectAllChildren(el);
      document.execCommand?.('copy');
    }
    setCopied(true);
  };
  const save = () => {
    const text = `An Toàn — ${t('receipt_label')}: ${shown}\n${location.origin}/follow\n${new Date().toLocaleString()}\n\n${t('receipt_warning')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'antoan-bien-nhan-' + props.receipt.slice(-4) + '.txt';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section class="receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title" tabIndex={-1} ref={heading}>
        ✅ {t('receipt_title')}
      </h1>
      <p class="receipt-label">{t('receipt_label')}</p>
      <p class="receipt-code" id="receipt-code" data-receipt={props.receipt}>
        {shown}
      </p>
      <p class="warning" role="note">
        ⚠️ {t('receipt_warning')}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
        <button type="button" class="secondary" onClick={save}>
          {t('save_file')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setFollowReceipt(props.receipt);
            navigate('/follow');
          }}
        >
          {t('follow_now')}
        </button>
      </div>
      <p>
        <a href="/">{t('new_report')}</a>
      </p>
    </section>
  );
}
