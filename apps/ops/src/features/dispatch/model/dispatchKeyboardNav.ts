// Arrow keys between cards on the board: left/right along a technician's day, up/down to the
// card nearest in time on the next technician that has one, Home/End to the day's ends.

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export interface NavCard {
  name: string;
  start: number;
  end: number;
}

/** The card to focus after `key` from `current`; null when there is none that way. */
export function nextCard(rows: readonly (readonly NavCard[])[], current: string | null, key: NavKey): string | null {
  const sorted = rows.map((cards) => [...cards].sort((a, b) => a.start - b.start));
  let r = -1;
  let c = -1;
  if (current !== null) {
    for (let i = 0; i < sorted.length && r === -1; i++) {
      const j = (sorted[i] as NavCard[]).findIndex((card) => card.name === current);
      if (j !== -1) [r, c] = [i, j];
    }
  }
  if (r === -1) {
    // Nothing focused yet: start at the first card of the board.
    const first = sorted.find((cards) => cards.length > 0);
    return first?.[0]?.name ?? null;
  }
  const row = sorted[r] as NavCard[];
  switch (key) {
    case 'ArrowLeft':
      return row[c - 1]?.name ?? null;
    case 'ArrowRight':
      return row[c + 1]?.name ?? null;
    case 'Home':
      return row[0]?.name ?? null;
    case 'End':
      return row[row.length - 1]?.name ?? null;
    case 'ArrowUp':
    case 'ArrowDown': {
      const here = row[c] as NavCard;
      const middle = (here.start + here.end) / 2;
      const step = key === 'ArrowDown' ? 1 : -1;
      for (let i = r + step; i >= 0 && i < sorted.length; i += step) {
        const cards = sorted[i] as NavCard[];
        if (cards.length === 0) continue;
        let best = cards[0] as NavCard;
        for (const card of cards) {
          if (Math.abs((card.start + card.end) / 2 - middle) < Math.abs((best.start + best.end) / 2 - middle)) best = card;
        }
        return best.name;
      }
      return null;
    }
  }
}

/** Up/down in a plain list (the queue); stays put at the ends. */
export function nextInList(names: readonly string[], current: string | null, key: NavKey): string | null {
  if (names.length === 0) return null;
  const i = current === null ? -1 : names.indexOf(current);
  if (key === 'Home') return names[0] ?? null;
  if (key === 'End') return names[names.length - 1] ?? null;
  if (key === 'ArrowDown') return names[Math.min(names.length - 1, i + 1)] ?? null;
  if (key === 'ArrowUp') return names[Math.max(0, i - 1)] ?? null;
  return null;
}
