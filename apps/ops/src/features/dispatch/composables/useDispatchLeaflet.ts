// The Leaflet map behind the map panel (loaded with the panel's chunk only). Tiles come from
// configuration; without a tile URL, or when tiles fail, the map keeps a plain background and the
// markers still show. Jobs are circle markers (canvas: hundreds stay cheap), technicians are
// badges with their initials; both in the board's status colours.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { onBeforeUnmount, shallowRef, type Ref } from 'vue';
import { clusterByCell } from '../model/dispatchMapClusters';

export interface JobMarker {
  name: string;
  lat: number;
  lng: number;
  color: string;
  label: string;
}

export interface TechMarker {
  id: string;
  lat: number;
  lng: number;
  /** Status slug of what they are doing (the badge's colour, from the board's CSS). */
  slug: string;
  initials: string;
  label: string;
}

/** Tile failures before the map gives up on tiles and says so. */
const TILE_ERRORS_TO_GIVE_UP = 4;
/**
 * Tile requests carry our origin (only) as Referer: the page's own Referrer-Policy is `same-origin`,
 * which sends none to the tile host, and OpenStreetMap's tile usage policy requires one.
 */
const TILE_REFERRER_POLICY = 'strict-origin-when-cross-origin' satisfies L.TileLayerOptions['referrerPolicy'];
/** Montréal, for an empty map. */
const HOME: L.LatLngExpression = [45.55, -73.65];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `clusterLabel(n)`: what a cluster of n jobs says (« 12 interventions ici · cliquer pour zoomer »). */
export function useDispatchLeaflet(container: Ref<HTMLElement | null>, onJob: (name: string) => void, clusterLabel: (count: number) => string) {
  const tilesFailed = shallowRef(false);
  let map: L.Map | null = null;
  let jobsLayer: L.LayerGroup | null = null;
  let techLayer: L.LayerGroup | null = null;
  /** The first markers' bounds, fitted once the panel has its real size (it may still be laying out). */
  let firstBounds: L.LatLngBounds | null = null;
  let sized = false;
  let jobs: readonly JobMarker[] = [];

  function mount(tileUrl: string | null, attribution: string | null): void {
    const el = container.value;
    if (!el || map) return;
    map = L.map(el, { preferCanvas: true, zoomControl: true, attributionControl: true }).setView(HOME, 10);
    if (tileUrl) {
      const tiles = L.tileLayer(tileUrl, { attribution: attribution ?? '', maxZoom: 19, crossOrigin: true, referrerPolicy: TILE_REFERRER_POLICY });
      let errors = 0;
      let loaded = 0;
      tiles.on('tileload', () => (loaded += 1));
      tiles.on('tileerror', () => {
        errors += 1;
        if (errors >= TILE_ERRORS_TO_GIVE_UP && loaded === 0 && map) {
          map.removeLayer(tiles);
          tilesFailed.value = true;
        }
      });
      tiles.addTo(map);
    } else {
      tilesFailed.value = true;
    }
    jobsLayer = L.layerGroup().addTo(map);
    techLayer = L.layerGroup().addTo(map);
    // Clusters depend on the zoom: redraw the jobs after each one.
    map.on('zoomend', () => drawJobs());
  }

  /** Jobs at the current zoom: one circle each, or one numbered badge for those that would overlap. */
  function drawJobs(): void {
    if (!map || !jobsLayer) return;
    const m = map;
    jobsLayer.clearLayers();
    for (const cluster of clusterByCell(jobs, (j) => m.latLngToLayerPoint([j.lat, j.lng]))) {
      const [only] = cluster.members;
      if (cluster.members.length === 1 && only) {
        L.circleMarker([only.lat, only.lng], { radius: 7, color: '#ffffff', weight: 1.5, fillColor: only.color, fillOpacity: 0.95 })
          .bindTooltip(escapeHtml(only.label))
          .on('click', () => onJob(only.name))
          .addTo(jobsLayer);
        continue;
      }
      const count = cluster.members.length;
      const bounds = L.latLngBounds(cluster.members.map((j) => [j.lat, j.lng] as L.LatLngTuple));
      const label = clusterLabel(count);
      const icon = L.divIcon({
        className: 'dj-map-cluster',
        html: `<span class="dj-map-cluster__badge" data-testid="map-cluster" data-count="${count}">${count}</span>`,
        iconSize: [34, 34],
        iconAnchor: [17, 17],
      });
      L.marker(m.layerPointToLatLng([cluster.x, cluster.y]), { icon, title: label, alt: label, keyboard: true })
        .bindTooltip(escapeHtml(label))
        // Opens the clump: zoom until its jobs stand apart (at most to street level).
        .on('click', () => m.fitBounds(bounds, { padding: [32, 32], maxZoom: 17 }))
        .addTo(jobsLayer);
    }
  }

  function showJobs(markers: readonly JobMarker[]): void {
    if (!map || !jobsLayer) return;
    jobs = markers;
    drawJobs();
    if (!firstBounds && markers.length > 0) {
      firstBounds = L.latLngBounds(markers.map((m) => [m.lat, m.lng] as L.LatLngTuple));
      map.fitBounds(firstBounds, { padding: [24, 24], maxZoom: 13 });
    }
  }

  function showTechnicians(markers: readonly TechMarker[]): void {
    if (!map || !techLayer) return;
    techLayer.clearLayers();
    for (const m of markers) {
      const icon = L.divIcon({
        className: 'dj-map-tech',
        // A class, not an inline style: the CSP refuses style attributes in markup.
        html: `<span class="dj-map-tech__badge dj-map-tech__badge--${m.slug}">${escapeHtml(m.initials)}</span>`,
        iconSize: [30, 30],
        iconAnchor: [15, 15],
      });
      L.marker([m.lat, m.lng], { icon, title: m.label, alt: m.label, keyboard: true, zIndexOffset: 1000 })
        .bindTooltip(escapeHtml(m.label))
        .addTo(techLayer);
    }
  }

  /** The panel changed size (opened, window resized). */
  function resized(): void {
    if (!map) return;
    map.invalidateSize();
    const el = container.value;
    if (!sized && firstBounds && el && el.clientHeight > 0) {
      sized = true;
      map.fitBounds(firstBounds, { padding: [24, 24], maxZoom: 13 });
    }
  }

  onBeforeUnmount(() => {
    map?.remove();
    map = null;
  });

  return { tilesFailed, mount, showJobs, showTechnicians, resized };
}
