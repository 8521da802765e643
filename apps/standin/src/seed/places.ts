// Real-looking streets, cities, postal-code prefixes and coordinates for the four regions.
import type { Region } from '@gigafibre/contracts';

export interface City {
  city: string;
  region: Region;
  lat: number;
  lon: number;
  /** Forward sortation areas (first three characters of the postal code). */
  fsa: readonly string[];
  streets: readonly string[];
  weight: number;
}

export const CITIES: readonly City[] = [
  {
    city: 'Montréal', region: 'Montréal', lat: 45.535, lon: -73.6, weight: 40,
    fsa: ['H2J', 'H2G', 'H2H', 'H1Y', 'H2S', 'H2E', 'H1X', 'H4A', 'H3S', 'H2L', 'H1V', 'H2R'],
    streets: ['rue Saint-Denis', 'boulevard Saint-Laurent', 'rue Sherbrooke Est', 'avenue du Mont-Royal Est', 'rue Ontario Est',
      'rue Beaubien Est', 'rue Jean-Talon Est', 'boulevard Rosemont', 'rue Masson', 'avenue Papineau', 'rue De Lorimier',
      'avenue Christophe-Colomb', 'rue Fleury Est', 'rue Bélanger', 'avenue Laurier Est', 'rue Saint-Hubert', 'avenue Monkland',
      'rue Wellington', 'avenue De Lorimier', 'rue Chabot', 'rue Boyer', 'avenue Henri-Julien', 'rue Molson', 'rue Cartier'],
  },
  {
    city: 'Laval', region: 'Laval', lat: 45.575, lon: -73.72, weight: 14,
    fsa: ['H7A', 'H7E', 'H7G', 'H7L', 'H7M', 'H7N', 'H7P', 'H7T', 'H7V', 'H7W', 'H7X'],
    streets: ['boulevard des Laurentides', 'boulevard de la Concorde Est', 'boulevard Saint-Martin Ouest', 'avenue des Bois',
      'boulevard Lévesque Est', 'boulevard Samson', 'rue Principale', 'boulevard Sainte-Rose', 'avenue Ampère',
      'rue de Cheverny', 'boulevard Notre-Dame', 'rue Dumouchel'],
  },
  {
    city: 'Longueuil', region: 'Rive-Sud', lat: 45.525, lon: -73.48, weight: 10,
    fsa: ['J4H', 'J4J', 'J4K', 'J4L', 'J4M', 'J4N'],
    streets: ['chemin de Chambly', 'boulevard Taschereau', 'rue Saint-Charles Ouest', 'rue Saint-Laurent Ouest', 'boulevard Roland-Therrien', 'rue Bord-de-l’Eau Ouest'],
  },
  {
    city: 'Brossard', region: 'Rive-Sud', lat: 45.46, lon: -73.46, weight: 6,
    fsa: ['J4W', 'J4X', 'J4Y', 'J4Z'],
    streets: ['boulevard de Rome', 'avenue Panama', 'boulevard Grande-Allée', 'rue Bienville', 'boulevard Milan'],
  },
  {
    city: 'Boucherville', region: 'Rive-Sud', lat: 45.595, lon: -73.44, weight: 4,
    fsa: ['J4B'],
    streets: ['boulevard de Montarville', 'rue Samuel-De Champlain', 'boulevard de Mortagne', 'rue Marie-Victorin'],
  },
  {
    city: 'Saint-Lambert', region: 'Rive-Sud', lat: 45.5, lon: -73.505, weight: 3,
    fsa: ['J4P', 'J4R', 'J4S'],
    streets: ['avenue Victoria', 'rue Notre-Dame', 'avenue Desaulniers', 'rue Riverside'],
  },
  {
    city: 'Saint-Jérôme', region: 'Laurentides', lat: 45.78, lon: -74.005, weight: 6,
    fsa: ['J7Y', 'J7Z', 'J5L'],
    streets: ['rue Saint-Georges', 'boulevard des Laurentides', 'rue De Martigny Ouest', 'rue Labelle', 'boulevard Lachapelle'],
  },
  {
    city: 'Blainville', region: 'Laurentides', lat: 45.67, lon: -73.88, weight: 5,
    fsa: ['J7B', 'J7C', 'J7E'],
    streets: ['boulevard Curé-Labelle', 'rue de la Seigneurie', 'boulevard de Fontainebleau', 'chemin du Plan-Bouchard'],
  },
  {
    city: 'Saint-Sauveur', region: 'Laurentides', lat: 45.895, lon: -74.16, weight: 3,
    fsa: ['J0R'],
    streets: ['rue Principale', 'chemin du Lac-Millette', 'avenue de l’Église', 'chemin Jean-Adam'],
  },
  {
    city: 'Sainte-Agathe-des-Monts', region: 'Laurentides', lat: 46.05, lon: -74.28, weight: 2,
    fsa: ['J8C'],
    streets: ['rue Principale Est', 'rue Saint-Vincent', 'chemin du Lac-des-Sables', 'rue Préfontaine Ouest'],
  },
  {
    city: 'Mont-Tremblant', region: 'Laurentides', lat: 46.12, lon: -74.6, weight: 2,
    fsa: ['J8E'],
    streets: ['rue de Saint-Jovite', 'chemin du Village', 'montée Ryan', 'rue Labelle'],
  },
];

/** Letters Canada Post uses in postal codes (no D F I O Q U). */
const PC_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

/** A valid-format postal code in `fsa`: `H2J 2L3`. */
export function postalCode(fsa: string, rand: () => number): string {
  const digit = () => String(Math.floor(rand() * 10));
  const letter = () => PC_LETTERS[Math.floor(rand() * PC_LETTERS.length)] as string;
  return `${fsa} ${digit()}${letter()}${digit()}`;
}

/** Region → its technicians' home base (depot) coordinates. */
export const DEPOTS: Readonly<Record<Region, { lat: number; lon: number; name: string }>> = {
  Montréal: { lat: 45.5462, lon: -73.6098, name: 'Dépôt Montréal (rue Jarry Est)' },
  Laval: { lat: 45.5866, lon: -73.7417, name: 'Dépôt Laval (boulevard Industriel)' },
  'Rive-Sud': { lat: 45.5098, lon: -73.4652, name: 'Dépôt Longueuil (rue Jacques-Cartier)' },
  Laurentides: { lat: 45.7657, lon: -73.9969, name: 'Dépôt Saint-Jérôme (rue Saint-Georges)' },
};
