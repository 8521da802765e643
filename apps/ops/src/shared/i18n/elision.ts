// French elision before a name: « le compte de Jean » but « le compte d’Émilie », « d’Hélène »,
// « d’Yves ». Messages take the preposition and the name together (`{ofName}`), because only the
// caller knows the name and only French elides; en-CA messages keep using `{name}`.

/** h aspiré first names (no elision: « de Hugues » is rare but « de Hans », « de Harvey » are the norm). */
const ASPIRATED_H = new Set(['hans', 'harvey', 'harry', 'heidi', 'helmut', 'hilda', 'howard', 'hunter']);

const VOWEL = /^[aeiouàâäéèêëîïôöùûüœæ]/i;

/** Whether French elides before `name` (a vowel sound: a vowel, a silent h, a Y before a consonant). */
export function elidesBefore(name: string): boolean {
  const word = name.trim().normalize('NFC');
  if (VOWEL.test(word)) return true;
  const first = word.charAt(0).toLowerCase();
  const rest = word.slice(1);
  // Hélène, Hugo, Hubert: h muet before a vowel, unless the name is one of the aspirated ones.
  if (first === 'h') return VOWEL.test(rest) && !ASPIRATED_H.has(word.split(/[\s-]/)[0]?.toLowerCase() ?? '');
  // Yves, Yvon, Yvette sound like a vowel; Yannick, Yolande start with a consonant sound.
  if (first === 'y') return rest !== '' && !VOWEL.test(rest);
  return false;
}

/** « de Jean », « d’Émilie »: French « de » before a name (typographic apostrophe, as in every message). */
export function frenchOf(name: string): string {
  const trimmed = name.trim();
  return elidesBefore(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}
