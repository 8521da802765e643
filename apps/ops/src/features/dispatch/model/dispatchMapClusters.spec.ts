import { describe, expect, it } from 'vitest';
import { clusterByCell } from './dispatchMapClusters';

describe('clusterByCell', () => {
  it('gathers points that share a screen cell and keeps lone ones alone', () => {
    const clump = Array.from({ length: 40 }, (_, i) => ({ id: `J${i}`, x: 100 + (i % 5), y: 200 + (i % 7) }));
    const lone = { id: 'far', x: 900, y: 40 };
    const clusters = clusterByCell([...clump, lone], (p) => p, 44);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]?.members).toHaveLength(40);
    expect(clusters[0]?.x).toBeCloseTo(102, 0);
    expect(clusters[1]?.members.map((m) => m.id)).toEqual(['far']);
  });

  it('splits a clump once zoomed in (points further apart on screen)', () => {
    const pts = [
      { x: 10, y: 10 },
      { x: 30, y: 12 },
    ];
    expect(clusterByCell(pts, (p) => p, 44)).toHaveLength(1);
    expect(clusterByCell(pts.map((p) => ({ x: p.x * 4, y: p.y * 4 })), (p) => p, 44)).toHaveLength(2);
  });
});
