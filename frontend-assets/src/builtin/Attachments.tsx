// Attachments in the built-in chat: the composer's picker and pending files, and the files of a sent question.
import { useRef } from 'react';
import type { AttachmentRules } from '../chat/config';
import { extensionsOf } from '../chat/options';
import { FileIcon, PaperclipIcon } from './Icons';
import type { Attachment } from './protocol';
import type { Uploads } from './useUploads';
import { sizeText, typeNames } from './uploads';

/** The paperclip button; the file input behind it takes what /config allows (the server checks again). */
export function AttachButton({ rules, uploads, disabled }: { rules: AttachmentRules; uploads: Uploads; disabled: boolean }) {
  const picker = useRef<HTMLInputElement>(null);
  const accept = rules.types.flatMap((t) => [t, ...extensionsOf(t)]).join(',');
  return (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={accept}
        aria-label="Dateien auswählen"
        data-testid="attach-input"
        onChange={(e) => {
          uploads.add(Array.from(e.target.files ?? []));
          e.target.value = ''; // the same file may be chosen again after removing it
        }}
      />
      <button
        type="button"
        className="composer-button composer-attach"
        aria-label="Datei anhängen"
        title={`Datei anhängen (${typeNames(rules.types)}, höchstens ${sizeText(rules.maxBytes)})`}
        disabled={disabled}
        onClick={() => picker.current?.click()}
      >
        <PaperclipIcon />
      </button>
    </>
  );
}

/** The files waiting in the composer, each with its upload progress and a remove button. */
export function PendingAttachments({ uploads }: { uploads: Uploads }) {
  if (uploads.pending.length === 0 && !uploads.error) return null;
  return (
    <div className="pending-attachments">
      {uploads.error && (
        <p className="banner banner-error attach-error" role="alert" data-testid="attach-error">
          <span>{uploads.error}</span>
          <button type="button" className="icon-button" aria-label="Hinweis schließen" onClick={uploads.dismiss}>
            ×
          </button>
        </p>
      )}
      {uploads.pending.length > 0 && (
        <ul className="attachment-list" aria-label="Anhänge der nächsten Frage">
          {uploads.pending.map((p) => (
            <li key={p.key} className="attachment-chip" data-testid="pending-attachment">
              <FileIcon />
              <span className="attachment-name">{p.name}</span>
              {p.attachment ? (
                <span className="attachment-state">bereit</span>
              ) : (
                <progress max={1} value={p.progress} aria-label={`${p.name} wird hochgeladen`} />
              )}
              <button type="button" className="icon-button" aria-label={`Anhang entfernen: ${p.name}`} onClick={() => uploads.remove(p.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The attachments of a sent question: images as thumbnails (their preview_url), files as named chips. */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list message-attachments" aria-label="Anhänge">
      {attachments.map((a) =>
        a.type === 'image' && a.preview_url ? (
          <li key={a.id} className="attachment-image" data-testid="message-attachment">
            <img src={a.preview_url} alt={a.name} loading="lazy" />
          </li>
        ) : (
          <li key={a.id} className="attachment-chip" data-testid="message-attachment">
            <FileIcon />
            <span className="attachment-name">{a.name}</span>
          </li>
        ),
      )}
    </ul>
  );
}
