// How the local stack's processes are wired: one place that maps the standin's settings onto the
// BFF's (the BFF only ever sees the production variable names).
import { anchorClockSetting } from '../../packages/contracts/src/clock';

/** What answers the stack's port: nginx in front of the BFF replicas, or the standin's own edge. */
export type EdgeKind = 'nginx' | 'standin';

export interface StackConfig {
  edge: EdgeKind;
  edgeUrl: string;
  /** The port browsers use (OPS_PORT): nginx's, or the standin edge's. */
  opsPort: number;
  /** With nginx: where the standin's edge (Authentik's outpost for nginx) listens (OUTPOST_PORT, default OPS_PORT + 3). */
  outpostPort: number;
  bffPorts: number[];
  /** The standin's fault injection is on (STANDIN_FAULTS=1). */
  faults: boolean;
  /** The BFF bundle to run (BFF_BUNDLE, default apps/bff/dist/index.js). */
  bffBundle: string | undefined;
  standinEnv: Record<string, string>;
  bffEnvs: Record<string, string>[];
}

/** Default secrets for local runs only; production secrets never come from here. */
export const LOCAL_DEFAULTS = {
  erpToken: 'standin-key:standin-secret',
  hubToken: 'standin-hub-token',
  jwtSecret: 'standin-dev-jwt-secret-not-for-production',
  audience: 'gigafibre-ops',
} as const;

/**
 * Which edge to run: OPS_EDGE=nginx (required: `problem` is fatal), OPS_EDGE=standin, or, unset,
 * nginx when it is installed and usable (`problem` null) and the standin's edge otherwise (zero install).
 */
export function chooseEdge(env: NodeJS.ProcessEnv, problem: string | null): { edge: EdgeKind } | { error: string } {
  const wanted = env.OPS_EDGE ?? 'auto';
  if (wanted === 'standin') return { edge: 'standin' };
  if (wanted === 'nginx') {
    return problem === null
      ? { edge: 'nginx' }
      : { error: `OPS_EDGE=nginx, mais ${problem}. Installez-le (apt-get install nginx ; npm test le fait), ou lancez avec OPS_EDGE=standin.` };
  }
  if (wanted !== 'auto') return { error: `OPS_EDGE invalide : « ${wanted} » (nginx, standin, ou absent)` };
  return { edge: problem === null ? 'nginx' : 'standin' };
}

export function stackConfig(env: NodeJS.ProcessEnv, edge: EdgeKind = 'standin'): StackConfig {
  const opsPort = env.OPS_PORT ?? '8080';
  const outpostPort = Number(env.OUTPOST_PORT ?? Number(opsPort) + 3);
  const bffPort = Number(env.BFF_PORT ?? '8090');
  const erpPort = env.STANDIN_ERP_PORT ?? '8001';
  const hubPort = env.STANDIN_HUB_PORT ?? '8002';
  const replicas = Math.max(1, Number(env.BFF_REPLICAS ?? '1'));
  const erpToken = env.STANDIN_ERP_TOKEN ?? LOCAL_DEFAULTS.erpToken;
  const hubToken = env.STANDIN_HUB_TOKEN ?? LOCAL_DEFAULTS.hubToken;
  const jwtSecret = env.STANDIN_JWT_SECRET ?? LOCAL_DEFAULTS.jwtSecret;
  const edgeUrl = `http://localhost:${opsPort}`;
  const issuer = `${edgeUrl}/application/o/${LOCAL_DEFAULTS.audience}/`;
  const bffPorts = Array.from({ length: replicas }, (_, i) => bffPort + i);

  const standinEnv: Record<string, string> = {
    // Behind nginx the standin's edge is only Authentik's outpost, on a port of its own.
    OPS_PORT: edge === 'nginx' ? String(outpostPort) : opsPort,
    STANDIN_ERP_PORT: erpPort,
    STANDIN_HUB_PORT: hubPort,
    STANDIN_ERP_TOKEN: erpToken,
    STANDIN_HUB_TOKEN: hubToken,
    STANDIN_JWT_SECRET: jwtSecret,
    STANDIN_JWT_ISSUER: issuer,
    STANDIN_JWT_AUDIENCE: LOCAL_DEFAULTS.audience,
    BFF_URL: bffPorts.map((p) => `http://127.0.0.1:${p}`).join(','),
    STANDIN_DB: env.STANDIN_DB ?? '.data/standin.db',
  };
  for (const key of ['STANDIN_FAULTS', 'STANDIN_SCALE', 'STANDIN_HOSTILE_TEXT', 'STANDIN_CLOCK', 'LOG_LEVEL'] as const) {
    const value = env[key];
    if (value !== undefined) standinEnv[key] = value;
  }
  // Every process reads the same moment: the setting is tied once to this real instant.
  if (standinEnv.STANDIN_CLOCK !== undefined) standinEnv.STANDIN_CLOCK = anchorClockSetting(standinEnv.STANDIN_CLOCK);

  const bffEnvs = bffPorts.map((port) => {
    const bffEnv: Record<string, string> = {
      NODE_ENV: 'production',
      PORT: String(port),
      ERP_URL: `http://127.0.0.1:${erpPort}`,
      ERP_TOKEN: erpToken,
      HUB_URL: `http://127.0.0.1:${hubPort}`,
      HUB_TOKEN: hubToken,
      AUTHENTIK_JWT_SECRET: jwtSecret,
      AUTHENTIK_ISSUER: issuer,
      AUTHENTIK_AUDIENCE: LOCAL_DEFAULTS.audience,
      TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
      OPS_PUBLIC_ORIGIN: edgeUrl,
    };
    if (env.OPS_DIST !== undefined) bffEnv.OPS_STATIC_DIR = env.OPS_DIST;
    // One business clock for the whole stack: the BFF's « today » is the standin's.
    if (standinEnv.STANDIN_CLOCK !== undefined) bffEnv.OPS_CLOCK = standinEnv.STANDIN_CLOCK;
    for (const key of ['LOG_LEVEL', 'OPS_MAP_TILE_URL', 'OPS_MAP_ATTRIBUTION', 'OPS_RATE_LIMIT_LIST_ROWS'] as const) {
      const value = env[key];
      if (value !== undefined) bffEnv[key] = value;
    }
    return bffEnv;
  });

  return { edge, edgeUrl, opsPort: Number(opsPort), outpostPort, bffPorts, faults: env.STANDIN_FAULTS === '1', bffBundle: env.BFF_BUNDLE, standinEnv, bffEnvs };
}
