import { describe, expect, it } from 'vitest';
import type { MeshNode } from '@gigafibre/contracts';
import { buildMeshTree, type MeshTreeNode } from './meshTree';

const node = (id: string, parentId: string | null, extra: Partial<MeshNode> = {}): MeshNode => ({
  id,
  name: `Deco ${id}`,
  serial: null,
  model: 'Deco X20',
  parentId,
  backhaul: parentId === null ? null : 'wired',
  qualityPercent: null,
  online: true,
  ...extra,
});

const shape = (trees: MeshTreeNode[]): unknown => trees.map((t) => [t.node.id, shape(t.children)]);

describe('buildMeshTree', () => {
  it('hangs each node under its parent, the router at the top', () => {
    const tree = buildMeshTree([node('router', null), node('a', 'router'), node('b', 'router'), node('c', 'a')]);
    expect(shape(tree)).toEqual([['router', [['a', [['c', []]]], ['b', []]]]]);
  });

  it('keeps a node whose parent is missing at the top level, with its own children', () => {
    const tree = buildMeshTree([node('router', null), node('lost', 'gone'), node('child', 'lost')]);
    expect(shape(tree)).toEqual([['router', []], ['lost', [['child', []]]]]);
  });

  it('never loses nodes caught in a cycle', () => {
    const tree = buildMeshTree([node('a', 'b'), node('b', 'a'), node('self', 'self')]);
    expect(shape(tree)).toEqual([['a', []], ['b', []], ['self', []]]);
  });

  it('is empty for no nodes', () => {
    expect(buildMeshTree([])).toEqual([]);
  });
});
