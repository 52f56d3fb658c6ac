// Dashboard calls to the admin endpoints. The admin token lives in localStorage and is sent as
// `Authorization: Bearer …`; a 401 surfaces as ApiError(401) so the page can ask for the token.
import { API_BASE, ApiError, type FetchLike, requestJson, toApiError } from '../shared/http';

export const TOKEN_KEY = 'interview.adminToken';

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Download {
  filename: string;
  blob: Blob;
}

export class AdminApi {
  private readonly fetchFn: FetchLike;
  private readonly storage: TokenStorage;

  constructor(fetchFn: FetchLike, storage: TokenStorage) {
    this.fetchFn = fetchFn;
    this.storage = storage;
  }

  get token(): string | null {
    return this.storage.getItem(TOKEN_KEY);
  }

  setToken(token: string): void {
    const trimmed = token.trim();
    if (trimmed) this.storage.setItem(TOKEN_KEY, trimmed);
    else this.storage.removeItem(TOKEN_KEY);
  }

  clearToken(): void {
    this.storage.removeItem(TOKEN_KEY);
  }

  private init(): RequestInit {
    const token = this.token;
    return {
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' },
    };
  }

  stats(): Promise<Record<string, unknown>> {
    return requestJson(this.fetchFn, `${API_BASE}/admin/stats`, this.init());
  }

  chatLogs(limit = 100): Promise<unknown> {
    return requestJson(this.fetchFn, `${API_BASE}/admin/logs?type=chat&limit=${limit}`, this.init());
  }

  feedback(limit = 50): Promise<unknown> {
    return requestJson(this.fetchFn, `${API_BASE}/feedback/list?limit=${limit}`, this.init());
  }

  /** Downloads all feedback as CSV; the file name comes from Content-Disposition when the server sends one. */
  async exportCsv(): Promise<Download> {
    let response: Response;
    try {
      response = await this.fetchFn(`${API_BASE}/admin/feedback/export?format=csv`, this.init());
    } catch (e) {
      throw new ApiError(0, 'network_error', `The server could not be reached (${(e as Error).message}).`);
    }
    if (!response.ok) throw await toApiError(response);
    return { filename: filenameFrom(response.headers.get('Content-Disposition')), blob: await response.blob() };
  }
}

export function filenameFrom(disposition: string | null, fallback = 'feedback.csv'): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}
