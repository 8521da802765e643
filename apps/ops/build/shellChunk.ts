// Puts every module the entry needs at start (its static import graph) into one chunk. Rolldown's
// automatic splitting otherwise cuts that graph into ~30 small shared chunks whenever a lazy page
// also uses a module, and gzip of many small files costs ~10 % more than of one file.
import type { Plugin } from 'vite';

export function shellChunk(): { plugin: Plugin; isShellModule: (id: string) => boolean } {
  const shell = new Set<string>();
  const entries = new Set<string>();
  const plugin: Plugin = {
    name: 'gigafibre-ops:shell-chunk',
    apply: 'build',
    buildEnd() {
      shell.clear();
      entries.clear();
      const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      stack.forEach((id) => entries.add(id));
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (shell.has(id)) continue;
        shell.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  // The entry itself stays the entry chunk (index.html and the manifest point at it).
  return { plugin, isShellModule: (id) => shell.has(id) && !entries.has(id) };
}
