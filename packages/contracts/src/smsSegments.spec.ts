import { describe, expect, it } from 'vitest';
import { GSM7_BASIC_SIZE, MAX_SMS_SEGMENTS, smsSegments } from './smsSegments';

describe('smsSegments: GSM-7', () => {
  it('holds the default alphabet (127 characters, the escape left out)', () => {
    expect(GSM7_BASIC_SIZE).toBe(127);
  });

  it('160 septets in one segment, then 153 per segment', () => {
    expect(smsSegments('')).toMatchObject({ segments: 0, units: 0, remaining: 160 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, units: 161, perSegment: 153, remaining: 145 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
    expect(smsSegments('a'.repeat(1530))).toMatchObject({ segments: MAX_SMS_SEGMENTS });
    expect(smsSegments('a'.repeat(1531)).segments).toBe(MAX_SMS_SEGMENTS + 1);
  });

  it('keeps French é, è, à, ù, Ç and É in GSM-7', () => {
    const text = 'Bonjour Émilie, votre technicien arrivera à 13 h ; déjà en route. Ça marche ?';
    expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', units: [...text].length, segments: 1, nonGsm: [] });
  });

  it('counts an extension character as two septets, and never splits the pair', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ segments: 1, units: 160, remaining: 0 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ segments: 2, units: 162 });
    // 76 pairs fill 152 of 153 septets: the 77th pair starts the next segment.
    expect(smsSegments('€'.repeat(77) + 'a'.repeat(84))).toMatchObject({ segments: 2, remaining: 153 - 2 - 84 });
    expect(smsSegments('a'.repeat(152) + '[')).toMatchObject({ segments: 1, units: 154, remaining: 6 });
    // 306 septets would fit two segments, but the pair cannot straddle the first one's last septet.
    expect(smsSegments('a'.repeat(152) + '[' + 'a'.repeat(152))).toMatchObject({ units: 306, segments: 3, remaining: 152 });
    expect(smsSegments('{x}').units).toBe(5);
  });
});

describe('smsSegments: UCS-2', () => {
  it('one ê turns a 160-character message into 70-unit segments, and names the character', () => {
    const text = `Votre fenêtre de visite : ${'a'.repeat(134)}`;
    expect([...text]).toHaveLength(160);
    expect(smsSegments(text.replace('ê', 'e'))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 3, perSegment: 67, nonGsm: ['ê'] });
  });

  it('70 units in one segment, then 67 per segment', () => {
    expect(smsSegments('ç'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(smsSegments('ç'.repeat(71))).toMatchObject({ segments: 2, remaining: 63 });
    expect(smsSegments('ç'.repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments('ç'.repeat(135))).toMatchObject({ segments: 3 });
  });

  it('counts an emoji as two units, never split', () => {
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(smsSegments('😀'.repeat(36))).toMatchObject({ segments: 2, units: 72 });
    // 33 emoji fill 66 of 67 units: the 34th starts the next segment.
    expect(smsSegments('😀'.repeat(34))).toMatchObject({ segments: 1, units: 68 });
    expect(smsSegments('a' + '😀'.repeat(35))).toMatchObject({ segments: 2, units: 71, remaining: 67 - 4 });
    expect(smsSegments('Merci 👍 â ô').nonGsm).toEqual(['👍', 'â', 'ô']);
  });
});
