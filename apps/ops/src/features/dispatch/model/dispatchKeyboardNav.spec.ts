import { describe, expect, it } from 'vitest';
import { nextCard, nextInList } from './dispatchKeyboardNav';

const c = (name: string, start: number, end: number) => ({ name, start, end });
const rows = [
  [c('B', 600, 660), c('A', 480, 540)], // unsorted on purpose
  [],
  [c('C', 420, 470), c('D', 590, 640), c('E', 900, 960)],
  [c('F', 1000, 1060)],
];

describe('board arrows', () => {
  it('starts at the first card when nothing is focused', () => {
    expect(nextCard(rows, null, 'ArrowDown')).toBe('A');
    expect(nextCard(rows, 'gone', 'ArrowRight')).toBe('A');
    expect(nextCard([[], []], null, 'ArrowDown')).toBeNull();
  });

  it('moves along a technician’s day in time order', () => {
    expect(nextCard(rows, 'A', 'ArrowRight')).toBe('B');
    expect(nextCard(rows, 'B', 'ArrowRight')).toBeNull();
    expect(nextCard(rows, 'B', 'ArrowLeft')).toBe('A');
    expect(nextCard(rows, 'E', 'Home')).toBe('C');
    expect(nextCard(rows, 'C', 'End')).toBe('E');
  });

  it('goes to the nearest card in time on the next row that has cards', () => {
    expect(nextCard(rows, 'B', 'ArrowDown')).toBe('D');
    expect(nextCard(rows, 'A', 'ArrowDown')).toBe('C');
    expect(nextCard(rows, 'E', 'ArrowDown')).toBe('F');
    expect(nextCard(rows, 'F', 'ArrowDown')).toBeNull();
    expect(nextCard(rows, 'E', 'ArrowUp')).toBe('B');
    expect(nextCard(rows, 'A', 'ArrowUp')).toBeNull();
  });
});

describe('queue arrows', () => {
  it('walks the list and stops at its ends', () => {
    const names = ['J1', 'J2', 'J3'];
    expect(nextInList(names, null, 'ArrowDown')).toBe('J1');
    expect(nextInList(names, 'J1', 'ArrowDown')).toBe('J2');
    expect(nextInList(names, 'J3', 'ArrowDown')).toBe('J3');
    expect(nextInList(names, 'J1', 'ArrowUp')).toBe('J1');
    expect(nextInList(names, 'J2', 'End')).toBe('J3');
    expect(nextInList(names, 'J2', 'Home')).toBe('J1');
    expect(nextInList(names, 'J2', 'ArrowLeft')).toBeNull();
    expect(nextInList([], null, 'ArrowDown')).toBeNull();
  });
});
