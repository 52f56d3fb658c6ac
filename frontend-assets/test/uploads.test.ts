import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/shared/http';
import { refusal, sizeText, uploadFailure } from '../src/builtin/uploads';

const rules = { enabled: true, maxBytes: 10 * 1024 * 1024, maxPerMessage: 10, types: ['application/pdf', 'image/png'] };

describe('attachment checks before the upload', () => {
  it('lets a file of an allowed type within the limit through', () => {
    expect(refusal({ name: 'cv.pdf', size: 2048, type: 'application/pdf' }, rules)).toBeNull();
  });

  it('names the allowed types when the type is not one of them', () => {
    expect(refusal({ name: 'tabelle.xlsx', size: 10, type: 'application/vnd.ms-excel' }, rules)).toBe(
      '„tabelle.xlsx“ wurde nicht angehängt: Dieser Dateityp ist nicht erlaubt (erlaubt: PDF, PNG).',
    );
  });

  it('says how large the file is and what the limit is', () => {
    expect(refusal({ name: 'scan.png', size: 12 * 1024 * 1024 + 1, type: 'image/png' }, rules)).toBe(
      '„scan.png“ wurde nicht angehängt: Die Datei ist 12 MB groß, erlaubt sind höchstens 10 MB.',
    );
    expect(sizeText(1536)).toBe('2 KB');
  });

  it('explains the server\'s refusals in words, and keeps its message for the rest', () => {
    expect(uploadFailure('a.png', new ApiError(415, 'unsupported_media_type', 'bytes are not image/png'), rules)).toContain(
      'ihr Inhalt passt nicht zu einem erlaubten Typ (PDF, PNG)',
    );
    expect(uploadFailure('a.pdf', new ApiError(413, 'payload_too_large', 'too large'), rules)).toBe(
      '„a.pdf“ wurde nicht angehängt: Die Datei ist zu groß (höchstens 10 MB).',
    );
    expect(uploadFailure('a.pdf', new ApiError(409, 'already_uploaded', 'already uploaded'), rules)).toBe(
      '„a.pdf“ wurde nicht angehängt: already uploaded (already_uploaded, HTTP 409)',
    );
  });
});
