import { describe, expect, it } from 'vitest';
import {
  axisFor,
  displayHour,
  displayTime,
  elapsedMinutes,
  formatWireTime,
  nowLineMinutes,
  parseTime,
  pointedSlot,
  slotAt,
  slotsBetween,
  snapMinutes,
  wallEnd,
} from './dispatchTime';

const SPRING = '2026-03-08'; // 02:00 EST → 03:00 EDT
const AUTUMN = '2026-11-01'; // 02:00 EDT → 01:00 EST

describe('wire times', () => {
  it('reads HH:mm:ss and HH:mm, rejects the rest', () => {
    expect(parseTime('13:30:00')).toBe(810);
    expect(parseTime('07:05')).toBe(425);
    expect(parseTime('7:00:00')).toBe(420);
    expect(parseTime('00:00:00')).toBe(0);
    expect(parseTime('23:59:59')).toBe(1439);
    expect(parseTime('13:30:00.000000')).toBe(810);
    for (const bad of ['24:00:00', '12:60', '1330', '', null, undefined, 'midi']) expect(parseTime(bad)).toBeNull();
  });

  it('writes HH:mm:ss, clamped to the day', () => {
    expect(formatWireTime(810)).toBe('13:30:00');
    expect(formatWireTime(0)).toBe('00:00:00');
    expect(formatWireTime(-15)).toBe('00:00:00');
    expect(formatWireTime(1500)).toBe('23:59:00');
  });

  it('shows times the Quebec way in French and in English', () => {
    expect(displayTime(810, 'fr-CA')).toBe('13 h 30');
    expect(displayTime(420, 'fr-CA')).toBe('07 h 00');
    expect(displayTime(810, 'en-CA')).toMatch(/^1:30\sp\.m\.$/);
    expect(displayHour(7, 'fr-CA')).toBe('7 h');
    expect(displayHour(13, 'en-CA')).toMatch(/^1\sp\.m\.$/);
  });
});

describe('slots', () => {
  it('snaps to the nearest quarter hour', () => {
    expect(snapMinutes(607)).toBe(600);
    expect(snapMinutes(608)).toBe(615);
    expect(snapMinutes(622.4)).toBe(615);
    expect(snapMinutes(622.5)).toBe(630);
    expect(snapMinutes(0)).toBe(0);
  });

  it('turns a pointer position into a snapped start that keeps the job on the axis', () => {
    const axis = { start: 420, end: 1200 }; // 07:00–20:00, 780 min
    const width = 780; // 1 px per minute
    expect(slotAt(180, width, axis, 60)).toBe(600); // 10:00
    expect(slotAt(187, width, axis, 60)).toBe(600);
    expect(slotAt(188, width, axis, 60)).toBe(615);
    // Grabbed 30 minutes into the card: the start is 30 minutes before the pointer.
    expect(slotAt(210, width, axis, 60, 30)).toBe(600);
    // Never before the axis, never ending past it.
    expect(slotAt(-40, width, axis, 60)).toBe(420);
    expect(slotAt(779, width, axis, 60)).toBe(1140);
    expect(slotAt(779, width, axis, 50)).toBe(1140);
    expect(slotAt(500, 0, axis, 60)).toBe(420);
  });

  it('lists slot starts for pickers', () => {
    expect(slotsBetween(420, 480)).toEqual([420, 435, 450, 465]);
    expect(slotsBetween(425, 460)).toEqual([435, 450]);
  });

  it('widens the 07:00–20:00 axis to whole hours around early or late work', () => {
    expect(axisFor([])).toEqual({ start: 420, end: 1200 });
    expect(axisFor([{ start: 480, end: 600 }])).toEqual({ start: 420, end: 1200 });
    expect(axisFor([{ start: 390, end: 500 }, { start: 1170, end: 1245 }])).toEqual({ start: 360, end: 1260 });
    expect(axisFor([{ start: 1400, end: 1500 }])).toEqual({ start: 420, end: 1440 });
  });
});

describe('America/Toronto and DST days', () => {
  it('measures real durations and wall-clock ends across a change', () => {
    expect(elapsedMinutes(SPRING, 60, 240)).toBe(120);
    expect(elapsedMinutes(AUTUMN, 60, 240)).toBe(240);
    expect(elapsedMinutes('2026-07-01', 60, 240)).toBe(180);
    expect(wallEnd(SPRING, 90, 60)).toBe(210); // 01:30 + 1 h → 03:30
    expect(wallEnd(AUTUMN, 90, 60)).toBe(90); // 01:30 EDT + 1 h → 01:30 EST
    expect(wallEnd(SPRING, 600, 90)).toBe(690); // daytime work is unaffected
    expect(wallEnd('2026-07-01', 600, 90)).toBe(690);
    expect(wallEnd(SPRING, 1400, 120)).toBe(1520); // runs past midnight
  });

  it('places the now-line on the wall clock, and only on today', () => {
    expect(nowLineMinutes(SPRING, Date.parse('2026-03-08T12:00:00Z'))).toBe(480); // 08:00 EDT
    expect(nowLineMinutes('2026-03-07', Date.parse('2026-03-07T12:00:00Z'))).toBe(420); // 07:00 EST
    expect(nowLineMinutes(AUTUMN, Date.parse('2026-11-01T12:00:00Z'))).toBe(420); // 07:00 EST
    expect(nowLineMinutes(AUTUMN, Date.parse('2026-11-02T12:00:00Z'))).toBeNull();
  });
});

describe('pointedSlot', () => {
  it('is where the pointer is, even past the end of the day, so a moved start can be said', () => {
    const axis = { start: 7 * 60, end: 21 * 60 };
    const width = 1400; // 100 px an hour
    // A 4 h job dropped at 18:45: slotAt keeps it in the day (17:00), the pointer said 18:45.
    expect(pointedSlot(1175, width, axis)).toBe(18 * 60 + 45);
    expect(slotAt(1175, width, axis, 240)).toBe(17 * 60);
    expect(pointedSlot(300, width, axis, 30)).toBe(9 * 60 + 30);
  });
});

