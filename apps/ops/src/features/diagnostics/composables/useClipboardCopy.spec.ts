// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './useClipboardCopy';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const exec = vi.fn();
    document.execCommand = exec;
    expect(await copyText('Diagnostic', { clipboard: { writeText }, document })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('Diagnostic');
    expect(exec).not.toHaveBeenCalled();
  });

  it('falls back to a selected textarea and execCommand, then cleans up and gives focus back', async () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    let copied = '';
    document.execCommand = vi.fn(() => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
      return true;
    });
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    expect(await copyText('ligne 1\nligne 2', { clipboard: { writeText }, document })).toBe(true);
    expect(copied).toBe('ligne 1\nligne 2');
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('says so when nothing could copy (the page then shows the text)', async () => {
    document.execCommand = vi.fn(() => false);
    expect(await copyText('x', { clipboard: undefined, document })).toBe(false);
  });
});
