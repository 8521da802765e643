// The temporary password as people read it aloud or copy it by hand: in groups of four.

/** « ABCDEFGHJKMN » → ['ABCD', 'EFGH', 'JKMN']. */
export function passwordChunks(password: string, size = 4): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < password.length; i += size) chunks.push(password.slice(i, i + size));
  return chunks;
}

/** What each character is, for dictation: upper-case letter, lower-case letter or digit. */
export type CharKind = 'upper' | 'lower' | 'digit' | 'other';

export function charKind(ch: string): CharKind {
  if (/^\p{Lu}$/u.test(ch)) return 'upper';
  if (/^\p{Ll}$/u.test(ch)) return 'lower';
  if (/^\d$/.test(ch)) return 'digit';
  return 'other';
}
