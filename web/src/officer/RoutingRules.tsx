// Admin: the routing table (category × area → organisation, tried in order) and the test view
// "where would this report go?". Access is checked by the server (admins only).
import { useEffect, useState } from 'preact/hooks';
import { api, get, post, query, type RoutingRule } from '../api';
import { orgKindLabel, t } from '../i18n';
import { categoryLabel, describedBy, errorText, Field, FormError, toFieldErrors, useCategories, type FieldErrors } from '../ui';

const KINDS = ['police', 'federation', 'union', 'authority', 'enterprise'];

export function RoutingRules() {
  const cats = useCategories();
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [error, setError] = useState('');
  const [form, setForm] = useState({ category: '*', area_code: '*', org_kind: 'police', org_id: '', position: '100' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const load = () => get<{ items: RoutingRule[] }>('/admin/routing-rules').then((r) => setRules(r.items), (e) => setError(errorText(e)));
  useEffect(() => { load(); }, []);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });

  const add = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, unknown> = { category: form.category, area_code: form.area_code.trim(), position: +form.position || 0 };
    if (form.org_id.trim()) body.org_id = +form.org_id;
    else body.org_kind = form.org_kind;
    try {
      await post('/admin/routing-rules', body);
      setErrors({});
      load();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await api('DELETE', '/admin/routing-rules/' + id);
      load();
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (error) return <p class="form-error" role="alert">{error}</p>;
  return (
    <div class="routing">
      <h1>{t('routing_rules')}</h1>
      <div class="table-wrap">
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{t('routing_position')}</th>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('area')}</th>
              <th scope="col">{t('routing_target')}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr data-rule={r.id}>
                <td>{r.position}</td>
                <td>{r.category === '*' ? '*' : categoryLabel(r.category, cats)}</td>
                <td>{r.area_code === '*' ? '*' : `${r.area_name ?? ''} (${r.area_code})`}</td>
                <td>{r.org_name ? `${r.org_name} (#${r.org_id})` : `${t('routing_kind')}: ${orgKindLabel(r.org_kind)}`}</td>
                <td>
                  <button type="button" class="link" onClick={() => remove(r.id)}>{t('routing_delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="card" onSubmit={add} noValidate>
        <h2>{t('routing_add')}</h2>
        <Field id="rule-category" label={t('category')} error={errors.category}>
          <select id="rule-category" value={form.category} onChange={set('category')} {...describedBy('rule-category', errors.category)}>
            <option value="*">*</option>
            {cats.map((c) => <option value={c.code}>{categoryLabel(c.code, cats)}</option>)}
          </select>
        </Field>
        <Field id="rule-area" label={t('area_code')} error={errors.area_code}>
          <input id="rule-area" value={form.area_code} onInput={set('area_code')} {...describedBy('rule-area', errors.area_code)} />
        </Field>
        <Field id="rule-kind" label={t('routing_kind')} error={errors.org_kind}>
          <select id="rule-kind" value={form.org_kind} onChange={set('org_kind')} disabled={!!form.org_id.trim()}>
            {KINDS.map((k) => <option value={k}>{orgKindLabel(k)}</option>)}
          </select>
        </Field>
        <Field id="rule-org" label={t('routing_org_id')} error={errors.org_id}>
          <input id="rule-org" inputMode="numeric" value={form.org_id} onInput={set('org_id')} {...describedBy('rule-org', errors.org_id)} />
        </Field>
        <Field id="rule-position" label={t('routing_position')} error={errors.position}>
          <input id="rule-position" inputMode="numeric" value={form.position} onInput={set('position')} {...describedBy('rule-position', errors.position)} />
        </Field>
        <FormError error={errors['']} />
        <button type="submit" class="primary">{t('routing_add')}</button>
      </form>
      <WhereWouldItGo />
    </div>
  );
}

function WhereWouldItGo() {
  const cats = useCategories();
  const [category, setCategory] = useState('');
  const [area, setArea] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [answer, setAnswer] = useState<{ org: { id: number; name: string; kind: string }; rule: RoutingRule | null; fallback: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const check = async (e: Event) => {
    e.preventDefault();
    try {
      setAnswer(await get('/admin/routing-test' + query({ category, area_code: area.trim(), enterprise_id: enterprise.trim() || undefined })));
      setErrors({});
    } catch (err) {
      setAnswer(null);
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <form class="card routing-test" onSubmit={check} noValidate>
      <h2>{t('routing_test')}</h2>
      <Field id="test-category" label={t('category')} error={errors.category}>
        <select id="test-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          <option value="">{t('choose')}</option>
          {cats.map((c) => <option value={c.code}>{categoryLabel(c.code, cats)}</option>)}
        </select>
      </Field>
      <Field id="test-area" label={t('area')} error={errors.area_code}>
        <input id="test-area" value={area} onInput={(e) => setArea((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="test-enterprise" label={t('enterprise')} error={errors.enterprise_id}>
        <input id="test-enterprise" inputMode="numeric" value={enterprise} onInput={(e) => setEnterprise((e.target as HTMLInputElement).value)} />
      </Field>
      <FormError error={errors['']} />
      <button type="submit" class="secondary">{t('routing_test_go')}</button>
      {answer && (
        <p role="status" class="ok routing-answer" data-org={answer.org.id}>
          → {answer.org.name} ({orgKindLabel(answer.org.kind)}){' '}
          {answer.rule ? `· ${t('routing_position')} ${answer.rule.position} (#${answer.rule.id})` : `· ${t('routing_fallback')}`}
        </p>
      )}
    </form>
  );
}
