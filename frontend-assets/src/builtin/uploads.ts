// The composer's attachments before they are sent: checked against the server's rules from /config, then
// uploaded in two phases (attachments.create, then the bytes to the upload descriptor). Pure helpers here;
// the React state lives in useUploads.
import type { AttachmentRules } from '../chat/config';
import { ApiError } from '../shared/http';
import type { Attachment } from './protocol';

/** One file in the composer: uploading (progress 0..1) until the server has stored it (attachment set). */
export interface PendingUpload {
  key: string;
  name: string;
  progress: number;
  attachment: Attachment | null;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/** The accepted types in words, e.g. "PDF, Text, PNG". */
export function typeNames(types: string[]): string {
  return types.map((t) => TYPE_NAMES[t] ?? t).join(', ');
}

/** Bytes in words a visitor reads ("10 MB", "512 KB"). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} Bytes`;
}

/** Why the page refuses `file` before asking the server, or null when the server's rules allow it. */
export function refusal(file: { name: string; size: number; type: string }, rules: AttachmentRules): string | null {
  if (!rules.types.includes(file.type)) {
    return `„${file.name}“ wurde nicht angehängt: Dieser Dateityp ist nicht erlaubt (erlaubt: ${typeNames(rules.types)}).`;
  }
  if (file.size > rules.maxBytes) {
    return `„${file.name}“ wurde nicht angehängt: Die Datei ist ${sizeText(file.size)} groß, erlaubt sind höchstens ${sizeText(rules.maxBytes)}.`;
  }
  if (file.size === 0) return `„${file.name}“ wurde nicht angehängt: Die Datei ist leer.`;
  return null;
}

/** What the visitor reads when the server refuses an attachment (create or upload). */
export function uploadFailure(name: string, error: unknown, rules: AttachmentRules): string {
  const prefix = `„${name}“ wurde nicht angehängt: `;
  if (error instanceof ApiError) {
    if (error.status === 413) return `${prefix}Die Datei ist zu groß (höchstens ${sizeText(rules.maxBytes)}).`;
    if (error.status === 415) {
      return `${prefix}Der Server nimmt diese Datei nicht an — ihr Inhalt passt nicht zu einem erlaubten Typ (${typeNames(rules.types)}).`;
    }
    if (error.status === 0) return `${prefix}Der Server ist nicht erreichbar.`;
    return `${prefix}${error.message} (${error.code}, HTTP ${error.status})`;
  }
  return `${prefix}${(error as Error)?.message ?? String(error)}`;
}
