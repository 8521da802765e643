// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, selectContents } from './copyToClipboard';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** jsdom has no execCommand: give the document one for the test. */
function withExecCommand(result: boolean | 'throw') {
  const seen: { command: string; selected: string }[] = [];
  const exec = vi.fn((command: string) => {
    const field = document.querySelector('textarea');
    seen.push({ command, selected: field ? field.value.slice(field.selectionStart, field.selectionEnd) : '' });
    if (result === 'throw') throw new Error('refusé');
    return result;
  });
  Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
  return seen;
}

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const seen = withExecCommand(true);
    expect(await copyText('Xy7Pq2Rs9Tu4', { clipboard: { writeText }, document })).toBe('clipboard');
    expect(writeText).toHaveBeenCalledWith('Xy7Pq2Rs9Tu4');
    expect(seen).toEqual([]);
  });

  it('falls back to select + copy when the Clipboard API is refused or missing, leaving nothing behind', async () => {
    const seen = withExecCommand(true);
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const refused = { writeText: vi.fn(() => Promise.reject(new DOMException('Not allowed', 'NotAllowedError'))) };
    expect(await copyText('Xy7Pq2Rs9Tu4', { clipboard: refused, document })).toBe('execCommand');
    expect(await copyText('Ab3Cd4Ef5Gh6', { clipboard: undefined, document })).toBe('execCommand');
    expect(seen).toEqual([
      { command: 'copy', selected: 'Xy7Pq2Rs9Tu4' },
      { command: 'copy', selected: 'Ab3Cd4Ef5Gh6' },
    ]);
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('puts the temporary field in the given container (inside a dialog’s focus trap)', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    let parent: Element | null = null;
    Object.defineProperty(document, 'execCommand', {
      value: () => {
        parent = document.querySelector('textarea')?.parentElement ?? null;
        return true;
      },
      configurable: true,
    });
    await copyText('x', { document, container });
    expect(parent).toBe(container);
  });

  it('says failed when nothing can copy', async () => {
    withExecCommand(false);
    expect(await copyText('x', { document })).toBe('failed');
    withExecCommand('throw');
    expect(await copyText('x', { document })).toBe('failed');
    expect(document.querySelector('textarea')).toBeNull();
  });
});

describe('selectContents', () => {
  it('selects the element’s whole text for a manual copy', () => {
    const output = document.body.appendChild(document.createElement('output'));
    output.innerHTML = '<span>Xy7P</span><span>q2Rs</span><span>9Tu4</span>';
    selectContents(output);
    expect(document.getSelection()?.toString()).toBe('Xy7Pq2Rs9Tu4');
  });
});
