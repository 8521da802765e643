// Puts every module the entry needs at start (its static import graph) into one chunk. Rolldown's
// automatic splitting otherwise cuts that graph into ~30 small shared chunks whenever a lazy page
// also uses a module, and gzip of many small files costs ~10 % more than of one file.
import type { Plugin } from 'vite';

/** A module that only re-exports others (`export … from`), e.g. @gigafibre/contracts's index. */
function isBarrel(code: string | null): boolean {
  if (!code) return false;
  const statements = code
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return statements.length > 0 && statements.every((s) => /^export\s*(\*|\{[^}]*\})\s*from\s*["'][^"']+["']$/.test(s) || /^import\s+["'][^"']+["']$/.test(s));
}

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
        const info = this.getModuleInfo(id);
        // A barrel's targets are not all the shell's: lazy pages use some of them.
        if (info && !isBarrel(info.code)) stack.push(...info.importedIds);
      }
    },
  };
  // The entry itself stays the entry chunk (index.html and the manifest point at it).
  return { plugin, isShellModule: (id) => shell.has(id) && !entries.has(id) };
}
