// CSV import (all rows or none, with the server's row-by-row report) and export.
import { useState } from 'preact/hooks';
import { getLang } from '../../lang';
import { errorText, FormError } from '../../ui';
import { ht } from './strings';

interface RowError { row: number; field: string; message: string }

function csrf(): string {
  const m = document.cookie.match(/(?:^|;\s*)antoan_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export function ImportExport() {
  const [kind, setKind] = useState('houses');
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setRows([]);
    setMessage('');
    setError('');
    if (!file) return;
    try {
      const res = await fetch('/api/v1/housing/import?kind=' + kind, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'Accept-Language': getLang(), 'X-CSRF-Token': csrf() },
        body: await file.text(),
        credentials: 'same-origin',
      });
      const data = await res.json().catch(() => null);
      if (res.ok) setMessage(ht('imported', { n: data?.imported ?? 0 }));
      else {
        setError(data?.error?.message ?? 'HTTP ' + res.status);
        setRows(data?.rows ?? []);
      }
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="import-export">
      <form onSubmit={submit} class="card">
        <label>
          {ht('import_kind')}{' '}
          <select id="import-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="houses">{ht('houses')}</option>
            <option value="teams">{ht('teams')}</option>
            <option value="members">{ht('roster')}</option>
          </select>
        </label>{' '}
        <label>
          {ht('import_file')} <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        </label>
        <p class="hint">{ht('import_help')}</p>
        <button type="submit" class="primary" disabled={!file}>
          {ht('import_do')}
        </button>
        {message && <p role="status">{message}</p>}
        <FormError error={error} />
        {rows.length > 0 && (
          <table class="table import-errors">
            <thead>
              <tr>
                <th>{ht('row')}</th>
                <th>field</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.row}</td>
                  <td>{r.field}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </form>
      <p>
        {(['houses', 'teams', 'members'] as const).map((k) => (
          <a class="button secondary" href={'/api/v1/housing/export?kind=' + k} download>
            {ht('export')}: {k === 'members' ? ht('roster') : ht(k)}{' '}
          </a>
        ))}
      </p>
    </section>
  );
}
