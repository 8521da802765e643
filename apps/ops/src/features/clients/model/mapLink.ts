// A link to the address on an external map (Google Maps, which every CSR and technician has).
import { geoPoint } from '@gigafibre/contracts';

export function mapUrl(location: { address_line: string; city: string | null; postal_code: string | null; latitude: number | null; longitude: number | null }): string {
  const address = [location.address_line, location.city, location.postal_code].filter(Boolean).join(', ');
  // Coordinates are where the fibre drop is; the address is the fallback.
  const point = geoPoint(location.latitude, location.longitude);
  const query = point ? `${point.lat},${point.lng}` : address;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
