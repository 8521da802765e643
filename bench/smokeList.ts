// Every bench, as `npm test` smokes it (bench/smoke.ts), with the time it may take in smoke mode on
// a 2-core machine (its usual time there, roughly doubled). A new bench must be added here: the
// check bench/smokeList.spec.ts compares this list with the files of bench/.
export const SMOKED_BENCHES: Readonly<Record<string, { limitSeconds: number }>> = {
  'bundle-budget': { limitSeconds: 30 },
  'client-search': { limitSeconds: 60 },
  closeout: { limitSeconds: 90 },
  'dispatch-board': { limitSeconds: 90 },
  incidents: { limitSeconds: 90 },
  messages: { limitSeconds: 60 },
  'proxy-cpu': { limitSeconds: 45 },
  'proxy-overhead': { limitSeconds: 45 },
  'scan-queue': { limitSeconds: 90 },
  soak: { limitSeconds: 60 },
  'sse-fanout': { limitSeconds: 45 },
  'standin-search': { limitSeconds: 45 },
  'ticket-queue': { limitSeconds: 60 },
};
