// An HTTP client for tests over real sockets, with a cookie jar kept by hand as a browser would.
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...this.extraHeaders,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie === '' ? {} : { cookie }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    this.keepCookies(response.headers);
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('application/json');
    return { status: response.status, body: (json ? JSON.parse(text) : text) as T, headers: response.headers };
  }

  get<T = any>(path: string): Promise<Answer<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown = {}): Promise<Answer<T>> {
    return this.request<T>('POST', path, body);
  }

  put<T = any>(path: string, body: unknown): Promise<Answer<T>> {
    return this.request<T>('PUT', path, body);
  }

  delete<T = any>(path: string): Promise<Answer<T>> {
    return this.request<T>('DELETE', path);
  }

  /** A captcha as a person would solve it: the test pictures carry their answer in a data attribute. */
  async captcha(): Promise<{ id: string; answer: string }> {
    const { body } = await this.post<{ captchaId: string; svg: string }>('/api/captchas');
    const answer = /data-answer="([^"]+)"/.exec(body.svg)?.[1];
    if (answer === undefined) throw new Error('captcha picture without an answer');
    return { id: body.captchaId, answer };
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && new Date(raw).getTime() <= Date.now();
      });
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
