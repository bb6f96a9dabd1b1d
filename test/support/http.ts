/**
 * A tiny browser stand-in for the API tests: it keeps the session cookie like a browser does,
 * and names the server's own Origin on changes, as a page of the dashboard would.
 */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class ApiClient {
  cookie: string | undefined;
  bearer: string | undefined;
  origin: string | null;

  readonly baseUrl: string;

  constructor(baseUrl: string, options: { bearer?: string; origin?: string | null } = {}) {
    this.baseUrl = baseUrl;
    this.bearer = options.bearer;
    this.origin = options.origin === undefined ? baseUrl : options.origin;
  }

  async request<T = unknown>(method: string, path: string, options: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.origin && method !== 'GET' && method !== 'HEAD') headers.origin = this.origin;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('ops_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'ops_session=' ? undefined : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, json?: unknown) {
    return this.request<T>('POST', path, json === undefined ? {} : { json });
  }
  put<T = unknown>(path: string, json?: unknown) {
    return this.request<T>('PUT', path, json === undefined ? {} : { json });
  }
  patch<T = unknown>(path: string, json?: unknown) {
    return this.request<T>('PATCH', path, json === undefined ? {} : { json });
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(username: string, password: string): Promise<Answer> {
    return this.post('/api/v1/auth/login', { username, password });
  }
}
