// `npm start`: set-up, build, then the standin services (ERPNext, targo-hub, edge) and the BFF.
// Ctrl-C stops everything (scripts/stack.ts owns the processes).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installWorkspace, root, run, toolsPath } from './lib/bootstrap.mjs';

const pnpm = installWorkspace();
console.log('→ build (SPA et BFF)');
run(pnpm, ['run', 'build'], { what: 'le build' });

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const stack = spawn(tsx, [join(root, 'scripts', 'stack.ts')], { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: toolsPath() } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stack.kill(signal));
stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
