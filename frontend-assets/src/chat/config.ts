// The page settings served by GET {API_BASE}/config, normalised into one typed value. Missing or
// malformed fields fall back to the built-in defaults so a partial /config never blanks the page.
import { API_BASE } from '../shared/http';

export type Backend = 'hosted' | 'server';

/** CHATKIT_UI: OpenAI's component with the built-in chat as fallback, only the built-in one, or only OpenAI's. */
export type ChatUi = 'auto' | 'builtin' | 'chatkit';

export interface PromptButton {
  label: string;
  prompt: string;
  icon?: string;
}

/** What the own server accepts as attachments (CHATKIT_ATTACHMENT*); off with the hosted backend. */
export interface AttachmentRules {
  enabled: boolean;
  maxBytes: number;
  maxPerMessage: number;
  /** Media types such as `application/pdf`; the server also checks the bytes. */
  types: string[];
}

export interface PageConfig {
  backend: Backend;
  ui: ChatUi;
  /** Domain allowlist key for the `server` backend (OPENAI_DOMAIN_PUBLIC_KEY); null when not configured. */
  domainKey: string | null;
  greeting: string;
  prompts: PromptButton[];
  placeholder: string;
  feedbackCategories: string[];
  /** False when the server says chat is not configured (setupMessage says what is missing). */
  chatConfigured: boolean;
  /**
   * What the operator still has to set, computed by the server from its actual configuration (`setup_message`);
   * null when chat is set up, or when an older server did not say.
   */
  setupMessage: string | null;
  /** Optional operator notice from the server, shown as a banner. */
  notice: string | null;
  /** Where to mint client secrets and where the own ChatKit server listens (follow a custom mount path). */
  sessionUrl: string;
  chatKitUrl: string;
  attachments: AttachmentRules;
  /** Whether the own server transcribes dictated audio (input.transcribe, CHATKIT_DICTATION). */
  dictation: boolean;
}

const NO_ATTACHMENTS: AttachmentRules = { enabled: false, maxBytes: 0, maxPerMessage: 0, types: [] };

export const DEFAULT_CONFIG: PageConfig = {
  backend: 'hosted',
  ui: 'auto',
  domainKey: null,
  greeting: 'Hallo! Ich beantworte Fragen zum Interview. Was möchten Sie wissen?',
  prompts: [],
  placeholder: 'Frage zum Interview stellen …',
  feedbackCategories: ['out_of_scope'],
  chatConfigured: true,
  setupMessage: null,
  notice: null,
  sessionUrl: `${API_BASE}/chatkit/session`,
  chatKitUrl: `${API_BASE}/chatkit`,
  attachments: NO_ATTACHMENTS,
  dictation: false,
};

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function parsePrompt(raw: unknown): PromptButton | null {
  if (typeof raw === 'string') {
    return str(raw) ? { label: raw, prompt: raw } : null;
  }
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    const prompt = str(r.prompt) ?? str(r.text) ?? str(r.label);
    const label = str(r.label) ?? prompt;
    if (!prompt || !label) return null;
    const icon = str(r.icon);
    return icon ? { label, prompt, icon } : { label, prompt };
  }
  return null;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function parseAttachments(raw: unknown): AttachmentRules {
  if (!raw || typeof raw !== 'object') return NO_ATTACHMENTS;
  const r = raw as Record<string, unknown>;
  const types = Array.isArray(r.types) ? r.types.filter((t): t is string => typeof t === 'string' && t !== '') : [];
  const maxBytes = positive(r.max_bytes);
  // without a limit or a type the page cannot tell the user what is allowed, so it offers nothing
  if (r.enabled !== true || maxBytes === null || types.length === 0) return NO_ATTACHMENTS;
  return { enabled: true, maxBytes, maxPerMessage: positive(r.max_per_message) ?? 10, types };
}

/** Normalises the JSON of GET /config. Accepts both `snake_case` names (the contract) and a few aliases. */
export function parseConfig(json: unknown): PageConfig {
  if (!json || typeof json !== 'object') return DEFAULT_CONFIG;
  const j = json as Record<string, unknown>;
  const backend: Backend = j.backend === 'server' ? 'server' : 'hosted';
  const rawPrompts = Array.isArray(j.prompts) ? j.prompts : Array.isArray(j.prompt_buttons) ? j.prompt_buttons : [];
  const categories = Array.isArray(j.feedback_categories)
    ? j.feedback_categories.filter((c): c is string => typeof c === 'string' && c !== '')
    : [];
  const configured = j.chatkit_configured ?? j.chat_configured;
  const ui: ChatUi = j.ui === 'builtin' || j.ui === 'chatkit' ? j.ui : 'auto';
  return {
    backend,
    ui,
    domainKey: str(j.domain_key),
    greeting: str(j.greeting) ?? DEFAULT_CONFIG.greeting,
    prompts: rawPrompts.map(parsePrompt).filter((p): p is PromptButton => p !== null),
    placeholder: str(j.composer_placeholder) ?? str(j.placeholder) ?? DEFAULT_CONFIG.placeholder,
    feedbackCategories: categories.length > 0 ? categories : DEFAULT_CONFIG.feedbackCategories,
    chatConfigured: configured !== false,
    setupMessage: str(j.setup_message),
    notice: str(j.notice) ?? str(j.banner),
    sessionUrl: str(j.session_url) ?? DEFAULT_CONFIG.sessionUrl,
    chatKitUrl: str(j.chatkit_url) ?? DEFAULT_CONFIG.chatKitUrl,
    attachments: backend === 'server' ? parseAttachments(j.attachments) : NO_ATTACHMENTS,
    dictation: backend === 'server' && !!j.dictation && (j.dictation as Record<string, unknown>).enabled === true,
  };
}
