// Quebec given and family names (mostly francophone, some anglophone), for people and businesses.

export const FIRST_NAMES_F = [
  'Marie', 'Julie', 'Isabelle', 'Nathalie', 'Sylvie', 'Josée', 'Geneviève', 'Catherine', 'Mélanie', 'Stéphanie',
  'Émilie', 'Véronique', 'Annie', 'Chantal', 'Caroline', 'Valérie', 'Audrey', 'Karine', 'Maude', 'Marie-Ève',
  'Marie-Claude', 'Andrée-Anne', 'Sophie', 'Chloé', 'Léa', 'Camille', 'Roxanne', 'Noémie', 'Jessica', 'Kim',
  'Francine', 'Lise', 'Diane', 'Ginette', 'Johanne', 'Manon', 'Louise', 'Hélène', 'Danielle', 'Amélie',
];
export const FIRST_NAMES_M = [
  'Jean', 'Pierre', 'Michel', 'Luc', 'Martin', 'Stéphane', 'Sylvain', 'Éric', 'Patrick', 'François',
  'Jean-François', 'Marc-André', 'Pierre-Luc', 'Jean-Philippe', 'Mathieu', 'Maxime', 'Simon', 'Alexandre', 'Olivier', 'Guillaume',
  'Sébastien', 'Vincent', 'Frédéric', 'Benoît', 'Yves', 'Gilles', 'Réjean', 'Gaétan', 'Denis', 'Claude',
  'Louis', 'Félix', 'Samuel', 'Gabriel', 'William', 'Nicolas', 'Étienne', 'Philippe', 'Jérôme', 'Hugo',
];
export const LAST_NAMES_FR = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher',
  'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc', 'Lefebvre', 'Poulin',
  'Thibault', 'St-Pierre', 'Nadeau', 'Martin', 'Landry', 'Martel', 'Bédard', 'Grenier', 'Lessard', 'Bernier',
  'Richard', 'Michaud', 'Hébert', 'Desjardins', 'Couture', 'Turcotte', 'Lachance', 'Parent', 'Blais', 'Gosselin',
  'Savard', 'Proulx', 'Beaudoin', 'Demers', 'Perreault', 'Boudreau', 'Lemieux', 'Cyr', 'Perron', 'Dufour',
  'Dion', 'Mercier', 'Bolduc', 'Bérubé', 'Boisvert', 'Langlois', 'Ménard', 'Chabot', 'Lemay', 'Dupuis',
];
export const FIRST_NAMES_EN = ['John', 'David', 'Michael', 'Sarah', 'Jennifer', 'Emily', 'James', 'Robert', 'Karen', 'Kevin', 'Heather', 'Ryan'];
export const LAST_NAMES_EN = ['Smith', 'Brown', 'Wilson', 'Campbell', 'Stewart', 'Johnson', 'MacDonald', 'Murphy', "O'Brien", 'Kelly', 'Taylor', 'Anderson', 'Miller', 'Thompson', 'Scott', 'Reid'];

export const BUSINESS_KINDS = [
  'Boulangerie', 'Garage', 'Clinique dentaire', 'Dépanneur', 'Quincaillerie', 'Pharmacie', 'Salon de coiffure', 'Fromagerie',
  'Cabinet comptable', 'Restaurant', 'Café', 'Boucherie', 'Atelier mécanique', 'Fleuriste', 'Clinique vétérinaire', 'Imprimerie',
];
export const BUSINESS_SUFFIXES = ['inc.', 'enr.', 'ltée', 'et Fils', '& Associés', ''];

export const EMAIL_DOMAINS = ['videotron.ca', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.ca', 'sympatico.ca', 'icloud.com'];

/** `jose.tremblay`: accents and punctuation dropped, for e-mail local parts. */
export function emailLocal(...parts: string[]): string {
  return parts
    .join('.')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '')
    .replace(/\.+/g, '.');
}
