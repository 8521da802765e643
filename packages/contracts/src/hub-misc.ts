/** A Traccar device (`GET /traccar/devices`). */
export interface TraccarDevice {
  id: number;
  name: string;
  uniqueId: string;
  status: 'online' | 'offline' | 'unknown';
  lastUpdate: string | null;
}

/** A Traccar position (`GET /traccar/positions?deviceId=N`, one device per request). */
export interface TraccarPosition {
  id: number;
  deviceId: number;
  latitude: number;
  longitude: number;
  /** Knots, as Traccar reports it. */
  speed: number;
  course: number;
  /** ISO 8601. */
  fixTime: string;
  valid: boolean;
}

/** One code read from an image. */
export interface DecodedBarcode {
  format: string;
  value: string;
}

/** `POST /vision/barcodes` answer. */
export interface VisionBarcodes {
  barcodes: DecodedBarcode[];
}

/** `POST /vision/equipment` answer: what the label says, null where it could not be read. */
export interface VisionEquipment {
  serial: string | null;
  mac: string | null;
  model: string | null;
  manufacturer: string | null;
  barcodes: DecodedBarcode[];
}

/** `POST /vision/invoice` answer. */
export interface VisionInvoice {
  invoiceNumber: string | null;
  date: string | null;
  total: number | null;
  vendor: string | null;
  barcodes: DecodedBarcode[];
}

/** A change to an ERPNext document, relayed on the hub's `/events` stream as `event: doc_change`. */
export interface DocChangeEvent {
  doctype: string;
  name: string;
  action: 'insert' | 'update' | 'delete';
  /** Field names whose value changed (all fields on insert). */
  changed: string[];
  /** Email of who made the change (from the BFF's `X-Ops-User`), when known. */
  by: string | null;
  /** ISO 8601. */
  at: string;
  /**
   * Other documents this change concerns (its Link targets, old and new, and a Comment's
   * reference), so a page can tell whether to refresh without fetching the document.
   */
  refs?: { doctype: string; name: string }[];
  /**
   * The document's `modified` after the change (absent on delete), written as a read of the
   * document shows it (Python's str(datetime): no `.000000` when the microseconds are 0), so it can
   * be compared with a list row's `modified` as text.
   */
  modified?: string;
}
