// Which characters of a shown value matched the search, so the result can mark them (as text:
// the value is customer data and is never rendered as HTML). Matching ignores case and accents,
// and for phones, MACs and serials whatever separators the value or the term holds.
import type { NeedleMode } from './searchPlan';

export interface Segment {
  text: string;
  hit: boolean;
}

const KEEP: Record<NeedleMode, RegExp> = {
  text: /./u,
  digits: /\d/,
  hex: /[0-9a-f]/,
  alnum: /[0-9a-z]/,
};

/** The characters of `value` that count for `mode`, folded (lower case, no accents), with where each came from. */
export function normaliseForMatch(value: string, mode: NeedleMode): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of value) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const c of folded) {
      if (!KEEP[mode].test(c)) continue;
      text += c;
      from.push(i);
    }
    i += ch.length;
  }
  return { text, from };
}

/** `value` cut into marked and unmarked runs where any of `parts` occurs. */
export function highlightSegments(value: string, parts: readonly string[], mode: NeedleMode): Segment[] {
  const { text, from } = normaliseForMatch(value, mode);
  const marked = new Array<boolean>(value.length).fill(false);
  for (const part of parts) {
    const needle = normaliseForMatch(part, mode).text;
    if (needle === '') continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      const start = from[at] as number;
      const lastFrom = from[at + needle.length - 1] as number;
      // Through the end of the last matched (possibly two-unit) character.
      const end = lastFrom + (value.codePointAt(lastFrom)! > 0xffff ? 2 : 1);
      for (let k = start; k < end; k++) marked[k] = true;
    }
  }
  const segments: Segment[] = [];
  for (let k = 0; k < value.length; k++) {
    const hit = marked[k] as boolean;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += value[k];
    else segments.push({ text: value[k] as string, hit });
  }
  return segments;
}
