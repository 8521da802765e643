// Frappe keeps Comment and Communication content as HTML: read it as text, write typed text as HTML.
// Comment.content is HTML in ERPNext (its desk writes `<div class="ql-editor"><p>…</p></div>` and
// renders what it reads as HTML); older or imported notes may be plain text. The timeline shows
// text only: HTML is parsed in an inert document (no script runs, nothing loads) and only its words
// and line breaks are kept. Our own notes are written as escaped HTML, so ERPNext shows them right.

const BLOCKS = new Set(['P', 'DIV', 'LI', 'BR', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function collect(node: Node, out: string[]): void {
  if (SKIPPED.has(node.nodeName)) return;
  if (node.nodeType === Node.TEXT_NODE) {
    out.push(node.textContent ?? '');
    return;
  }
  const block = BLOCKS.has(node.nodeName);
  if (node.nodeName === 'BR') out.push('\n');
  node.childNodes.forEach((child) => collect(child, out));
  if (block && node.nodeName !== 'BR') out.push('\n');
}

/** The text of a note: plain text as is; HTML reduced to its text with paragraph breaks. */
export function commentText(content: string | null | undefined): string {
  if (!content) return '';
  if (!/<[a-z][\s\S]*>/i.test(content)) return content.trim();
  const doc = new DOMParser().parseFromString(content, 'text/html');
  const out: string[] = [];
  collect(doc.body, out);
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A typed note as Comment HTML: every character escaped, one paragraph per line. */
export function noteToHtml(text: string): string {
  const escape = (line: string) => line.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `<p>${line.trim() === '' ? '<br>' : escape(line)}</p>`)
    .join('');
}
