// The mesh as a tree: the hub gives a flat list where each node names its parent (null for the
// main router). A node whose parent is missing, or that sits in a cycle, is shown at the top
// level rather than lost.
import type { MeshNode } from '@gigafibre/contracts';

export interface MeshTreeNode {
  node: MeshNode;
  children: MeshTreeNode[];
}

export function buildMeshTree(nodes: readonly MeshNode[]): MeshTreeNode[] {
  const byId = new Map<string, MeshTreeNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, { node, children: [] });

  // Follows parents from `id`; false when the walk comes back on itself (a cycle).
  const outsideCycle = (id: string): boolean => {
    const seen = new Set<string>();
    let current = byId.get(id);
    while (current) {
      if (seen.has(current.node.id)) return false;
      seen.add(current.node.id);
      const parent = current.node.parentId;
      current = parent === null ? undefined : byId.get(parent);
    }
    return true;
  };

  const roots: MeshTreeNode[] = [];
  for (const entry of byId.values()) {
    const parent = entry.node.parentId === null ? undefined : byId.get(entry.node.parentId);
    if (parent && outsideCycle(entry.node.id)) parent.children.push(entry);
    else roots.push(entry);
  }
  return roots;
}
