// Copies text for a ticket note: the Clipboard API where the browser allows it, else the old
// hidden-textarea + execCommand('copy'); false when neither worked (the caller shows the text).

export interface ClipboardEnv {
  clipboard?: Pick<Clipboard, 'writeText'> | undefined;
  document: Document;
}

export async function copyText(text: string, env: ClipboardEnv = { clipboard: navigator.clipboard, document }): Promise<boolean> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, insecure context, document not focused): try the old way.
    }
  }
  const doc = env.document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.left = '-9999px';
  doc.body.appendChild(area);
  const previous = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  try {
    area.focus({ preventScroll: true });
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}
