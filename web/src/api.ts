// JSON client for /api/v1: sends Accept-Language, the CSRF header on writes, and turns the
// API's error object {"error":{code,message,field}} into ApiError so forms can show the message
// next to the field it names.
import { getLang } from './lang';

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrf(token: string): void {
  csrfToken = token;
}
function csrf(): string {
  if (csrfToken) return csrfToken;
  const m = document.cookie.match(/(?:^|;\s*)antoan_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

// Called on any 401 from an officer route, so the console can show the login form.
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang(),
    ...opts.headers,
  };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrf();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  let data: any = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = data?.error ?? {};
    if (res.status === 401 && onUnauthorized && !path.startsWith('/auth/login')) onUnauthorized();
    const message = err.message || (getLang() === 'vi' ? err.message_vi : err.message_en) || `HTTP ${res.status}`;
    throw new ApiError(res.status, err.code || 'http_' + res.status, message, err.field || undefined);
  }
  return data as T;
}

// List answers come either as a bare array or as {"count","items"}; accept both.
export function listOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  const d = data as { items?: T[] } | null;
  return Array.isArray(d?.items) ? d!.items! : [];
}
export const getList = <T>(path: string, signal?: AbortSignal) => api<unknown>('GET', path, { signal }).then((d) => listOf<T>(d));

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal });
export const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  api<T>('POST', path, { body, headers });

export function query(params: Record<string, string | number | undefined | null | boolean>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// A random key for Idempotency-Key: crypto.randomUUID is missing on plain-http origins.
export function randomKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// --- types of the API answers the pages use ---
export interface Category { code: string; label_vi: string; label_en: string; crime?: boolean }
export interface Area { code: string; name: string; level: string; parent_code?: string; lat?: number; lon?: number }
export interface Org { id: number; name: string; kind: string; area_code?: string; industrial_park?: string }
export interface ReportCreated { id: number; receipt: string; status: string }
export interface ReceiptView {
  status: string; category: string; created_at: string; updated_at: string;
  history: { at: string; status: string; org_name?: string; reason?: string }[];
  messages: { at: string; from: 'officer' | 'reporter' | 'system'; text: string; org_name?: string; relayed_by?: string | null }[];
}
export interface CheckResult {
  verdict: 'scam' | 'suspicious' | 'safe'; score: number; reasons: string[];
  signals?: string[]; lang?: string;
  indicators: { kind: string; value: string }[];
}
export interface ScamFeedbackItem {
  id: number; verdict: 'scam' | 'suspicious' | 'safe'; score: number; signals: string[]; text: string | null;
  text_shared: boolean; day: string; status: 'new' | 'added' | 'dismissed'; reviewed_label: 'scam' | 'safe' | null;
  same_text_count: number;
  indicators: { kind: string; value: string; registry_status: 'reported' | 'confirmed' | 'cleared' | null; report_count: number }[];
}
export interface User { id: number; username: string; display_name: string; role: string; org_id: number; org_name: string }
export interface CaseItem {
  id: number; category: string; status: string; priority?: string | number; org_id?: number; org_name?: string;
  area_code?: string; area_name?: string; enterprise_id?: number; enterprise_name?: string;
  created_at: string; updated_at: string; overdue?: boolean; summary?: string; escalation_level?: number;
  ack_due_at?: string; resolve_due_at?: string; due_at?: string | null; due_kind?: 'acknowledge' | 'resolve' | null;
  overdue_hours?: number | null;
}
export interface Deadline { kind: 'acknowledge' | 'resolve'; due_at: string; done: boolean; missed: boolean; overdue_hours: number | null }
export interface Answer {
  id: number; case_id: number; org_id: number; org_name: string; action_taken: string; evidence: string | null;
  proposed_fix: string | null; message_to_reporter: string | null; status: string; created_at: string;
  reviewed_at: string | null; review_note: string | null; author_name: string | null; can_review?: boolean;
}
export interface CaseEvent {
  id: number; at: string; kind: string; actor_kind?: string; actor_name?: string;
  from_status?: string; to_status?: string; body?: string; visible_to_reporter?: boolean;
  actor_org_name?: string | null; relayed_by_org_name?: string | null;
}
export interface CaseDetail extends CaseItem {
  description: string; lat?: number; lon?: number; incident_at?: string; channel?: string; has_contact?: boolean;
  history: CaseEvent[]; allowed_transitions: string[]; can_reveal_contact: boolean; can_message: boolean;
  deadlines?: Deadline[]; can_answer?: boolean;
}
export interface CaseList { items: CaseItem[]; total: number; limit: number; offset: number; sort?: string }

// Uploads raw bytes (a photo) to a route that takes the body as the file; errors as api().
export async function upload<T>(path: string, file: Blob, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLang(), 'Content-Type': 'application/octet-stream', ...headers };
  const token = csrf();
  if (token) h['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, { method: 'POST', headers: h, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const data: any = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error ?? {};
    throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || `HTTP ${res.status}`, err.field || undefined);
  }
  return data as T;
}

export interface Referral {
  id: number; case_id: number; kind: string; from_org_id: number; from_org_name: string; to_org_id: number; to_org_name: string;
  reason: string; status: string; created_at: string; decided_at: string | null; decision_note: string | null; can_decide?: boolean;
}
export interface CaseLink { case_id: number; kind: string; reason: string | null; visible: boolean; category?: string; status?: string }
export interface Attachment { id: number; mime: string; width: number; height: number; size: number; uploaded_by: string; created_at: string; url: string; thumb_url: string }
export interface RoutingRule { id: number; category: string; area_code: string; area_name: string | null; org_kind: string | null; org_id: number | null; org_name: string | null; position: number }
