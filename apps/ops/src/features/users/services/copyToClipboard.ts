// Copies text for the user: the Clipboard API where the browser allows it, else the older
// select-and-copy command; when both fail the caller selects the text for a manual Ctrl+C.

export type CopyMethod = 'clipboard' | 'execCommand' | 'failed';

export interface CopyEnv {
  clipboard?: Pick<Clipboard, 'writeText'> | undefined;
  document: Document;
  /** Where the temporary text field goes: inside an open dialog, so its focus trap keeps still. */
  container?: HTMLElement | null;
}

function defaultEnv(): CopyEnv {
  return { clipboard: typeof navigator === 'undefined' ? undefined : navigator.clipboard, document };
}

function copyWithCommand(text: string, env: CopyEnv): boolean {
  const doc = env.document;
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.position = 'fixed';
  field.style.top = '0';
  field.style.left = '-9999px';
  field.style.opacity = '0';
  const previous = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  (env.container ?? doc.body).appendChild(field);
  try {
    field.select();
    // Deprecated but still the only synchronous copy where the Clipboard API is refused (http, old browsers).
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    previous?.focus();
  }
}

/** Copies `text`; says how, or `failed` when nothing worked. */
export async function copyText(text: string, env: CopyEnv = defaultEnv()): Promise<CopyMethod> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // Refused (no permission, not a secure context, document not focused): try the old way.
    }
  }
  return copyWithCommand(text, env) ? 'execCommand' : 'failed';
}

/** Selects the text of `element` so the user can copy it with Ctrl+C / long press. */
export function selectContents(element: HTMLElement): void {
  const selection = element.ownerDocument.getSelection();
  if (!selection) return;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
