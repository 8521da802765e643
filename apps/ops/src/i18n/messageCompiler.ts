// The app's message compiler: the part of vue-i18n's message syntax the app's messages use, so the
// build can leave vue-i18n's own compiler out of the first load (about 6 kB gzip; vite.config.ts
// drops it with __INTLIFY_DROP_MESSAGE_COMPILER__). Understood: text, {name}, {0}, a literal
// {'@'}, and plural cases split by « | ». Anything else (linked @:key, nested or unclosed braces)
// shows the message as written; messageCompiler.spec.ts checks every message of every feature
// against vue-i18n's own compiler, so no message gets there unnoticed. vue-i18n calls a custom
// compiler experimental (a warning in development): that spec is also what an upgrade must pass.
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n';

type Part = string | { named: string } | { list: number };

/**
 * The context vue-i18n hands a message function. Its own compiled messages call `normalize` (joins
 * the parts: a string, or vnodes for <i18n-t>) and `interpolate` (a value's display); its published
 * types leave those two out.
 */
interface RenderContext extends MessageContext<string> {
  normalize(values: unknown[]): string;
  interpolate(value: unknown): unknown;
}

const NAMED = /^[A-Za-z_$][\w$-]*$/;
const LIST = /^\d+$/;

/** Where the placeholder opened at `open` ends (the index of its « } »), quotes of a literal respected; -1 if never. */
function placeholderEnd(source: string, open: number): number {
  let i = open + 1;
  while (source[i] === ' ') i++;
  if (source[i] === "'") {
    const quote = source.indexOf("'", i + 1);
    if (quote < 0) return -1;
    i = quote + 1;
  }
  return source.indexOf('}', i);
}

/** One placeholder's meaning: a literal's text, a list index, a name; null when it is none of them. */
function placeholder(inner: string): Part | null {
  const literal = /^'([^'\\]*)'$/.exec(inner);
  if (literal) return literal[1] as string;
  if (LIST.test(inner)) return { list: Number(inner) };
  if (NAMED.test(inner)) return { named: inner };
  return null;
}

/**
 * The parsed message: its plural cases (split on « | », the spaces and line breaks around it
 * dropped), each a list of parts; null when it uses syntax this compiler does not know.
 */
export function parseMessage(source: string): Part[][] | null {
  const cases: Part[][] = [];
  let parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '}' || ch === '@') return null;
    if (ch === '|') {
      text = text.replace(/[ \n]+$/, '');
      flush();
      cases.push(parts);
      parts = [];
      while (source[i + 1] === ' ' || source[i + 1] === '\n') i++;
    } else if (ch === '{') {
      const end = placeholderEnd(source, i);
      if (end < 0) return null;
      const part = placeholder(source.slice(i + 1, end).trim());
      if (part === null) return null;
      if (typeof part === 'string') text += part;
      else {
        flush();
        parts.push(part);
      }
      i = end;
    } else text += ch;
  }
  flush();
  cases.push(parts);
  return cases;
}

function render(ctx: RenderContext, parts: Part[]): string {
  const values = parts.map((p) => (typeof p === 'string' ? p : ctx.interpolate('named' in p ? ctx.named(p.named) : ctx.list(p.list))));
  return ctx.normalize(values);
}

const cache = new Map<string, MessageFunction<string>>();

export const compileMessage: MessageCompiler = (message) => {
  // Messages are strings here; an AST (from a bundler plugin) is not something this app produces.
  const source = typeof message === 'string' ? message : '';
  const hit = cache.get(source);
  if (hit) return hit;
  const cases = parseMessage(source);
  let fn: MessageFunction<string>;
  if (cases === null) {
    if (import.meta.env.DEV) console.warn(`[i18n] syntaxe non prise en charge, message affiché tel quel : ${source}`);
    fn = () => source;
  } else if (cases.length === 1) {
    const only = cases[0] as Part[];
    fn = (ctx: MessageContext<string>) => render(ctx as RenderContext, only);
  } else {
    fn = (ctx: MessageContext<string>) => ctx.plural(cases.map((parts) => render(ctx as RenderContext, parts)));
  }
  cache.set(source, fn);
  return fn;
};
