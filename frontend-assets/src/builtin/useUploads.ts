// The composer's pending attachments: each file is checked, created (attachments.create), uploaded with
// progress and can be removed again (attachments.delete) until the question is sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachmentRules } from '../chat/config';
import { type Attachment, type ChatKitConnection, uploadAttachment } from './protocol';
import { type PendingUpload, refusal, uploadFailure } from './uploads';

export interface Uploads {
  pending: PendingUpload[];
  /** The last refusal, for the composer's alert; cleared by the next file or by dismiss. */
  error: string | null;
  /** Whether a file is still on its way (the question waits for it). */
  busy: boolean;
  add: (files: File[]) => void;
  remove: (key: string) => void;
  /** The uploaded attachments, taken out of the composer (they go with the question). */
  take: () => Attachment[];
  dismiss: () => void;
}

let counter = 0;

export function useUploads(connection: ChatKitConnection, rules: AttachmentRules): Uploads {
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [error, setError] = useState<string | null>(null);
  const uploads = useRef(new Map<string, AbortController>());
  // creates go one after another: a visitor's very first request gets the user-id cookie, and parallel first
  // requests would each get another user, whose attachment the next upload could not touch
  const creates = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => () => uploads.current.forEach((c) => c.abort()), []);

  const change = useCallback((key: string, update: Partial<PendingUpload>) => {
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...update } : p)));
  }, []);

  const drop = useCallback((key: string) => setPending((list) => list.filter((p) => p.key !== key)), []);

  const upload = useCallback(
    async (key: string, file: File) => {
      const controller = new AbortController();
      uploads.current.set(key, controller);
      let created: Attachment | null = null;
      try {
        const create = creates.current.then(() => connection.createAttachment(file));
        creates.current = create.catch(() => undefined); // one refusal does not stop the next file
        created = await create;
        if (controller.signal.aborted) throw new DOMException('removed', 'AbortError');
        const descriptor = created.upload_descriptor;
        if (!descriptor) throw new Error('the server sent no upload address');
        const stored = await uploadAttachment(descriptor, file, (progress) => change(key, { progress }), controller.signal);
        change(key, { progress: 1, attachment: { ...created, ...stored, upload_descriptor: null } });
      } catch (e) {
        if (created) void connection.deleteAttachment(created.id).catch(() => undefined); // else swept as unused
        drop(key);
        if (!controller.signal.aborted) setError(uploadFailure(file.name, e, rules));
      } finally {
        uploads.current.delete(key);
      }
    },
    [connection, rules, change, drop],
  );

  const add = useCallback(
    (files: File[]) => {
      setError(null);
      const room = rules.maxPerMessage - pending.length;
      if (files.length > room) {
        setError(`Höchstens ${rules.maxPerMessage} Anhänge pro Frage.`);
        files = files.slice(0, Math.max(0, room));
      }
      for (const file of files) {
        const refused = refusal(file, rules);
        if (refused) {
          setError(refused);
          continue;
        }
        const key = `upload-${++counter}`;
        setPending((list) => [...list, { key, name: file.name, progress: 0, attachment: null }]);
        void upload(key, file);
      }
    },
    [rules, pending.length, upload],
  );

  const remove = useCallback(
    (key: string) => {
      uploads.current.get(key)?.abort();
      const entry = pending.find((p) => p.key === key);
      drop(key);
      if (entry?.attachment) {
        connection.deleteAttachment(entry.attachment.id).catch(() => undefined); // else swept as unused
      }
    },
    [connection, pending, drop],
  );

  const take = useCallback(() => {
    const ready = pending.flatMap((p) => (p.attachment ? [p.attachment] : []));
    setPending([]);
    return ready;
  }, [pending]);

  const busy = pending.some((p) => p.attachment === null);
  return { pending, error, busy, add, remove, take, dismiss: () => setError(null) };
}
