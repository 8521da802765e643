// Markers that would overlap on screen are drawn as one cluster with their count (a grid of cells
// `cellPx` wide in screen pixels at the current zoom), so 40 jobs in one clump read as « 40 », not
// as one blot. Pure: the map hands in projected points and redraws on every zoom.

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface Cluster<T> {
  /** Mean screen position of the members. */
  x: number;
  y: number;
  members: T[];
}

/** Groups `items` whose screen points fall in the same cell; clusters in first-seen order. */
export function clusterByCell<T>(items: readonly T[], point: (item: T) => ScreenPoint, cellPx = 44): Cluster<T>[] {
  const cells = new Map<string, { sx: number; sy: number; members: T[] }>();
  for (const item of items) {
    const p = point(item);
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) {
      cell.sx += p.x;
      cell.sy += p.y;
      cell.members.push(item);
    } else cells.set(key, { sx: p.x, sy: p.y, members: [item] });
  }
  return [...cells.values()].map((c) => ({ x: c.sx / c.members.length, y: c.sy / c.members.length, members: c.members }));
}
