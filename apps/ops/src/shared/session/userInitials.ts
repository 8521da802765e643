/** « Marie-Ève Tremblay » → « MT »; falls back to the e-mail's first letter. */
export function userInitials(name: string, email = ''): string {
  const words = name
    .replace(/@.*$/, '')
    .split(/[\s._]+/)
    .filter((w) => /\p{L}/u.test(w));
  const first = words[0]?.[0] ?? email[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('fr-CA');
}
