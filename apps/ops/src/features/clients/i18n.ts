import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';

export default defineFeatureMessages('clients', {
  'fr-CA': {
    title: 'Clients',
    subtitle: 'Trouvez un client par nom, téléphone, courriel, adresse ou équipement.',
    emptyTitle: 'La recherche de clients arrive',
    detail: { title: 'Client {id}', emptyTitle: 'La fiche client arrive' },
  },
  'en-CA': {
    title: 'Customers',
    subtitle: 'Find a customer by name, phone, email, address or equipment.',
    emptyTitle: 'Customer search is on its way',
    detail: { title: 'Customer {id}', emptyTitle: 'The customer file is on its way' },
  },
});
