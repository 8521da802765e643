import { defineFeatureMessages } from '@/shared/i18n/defineFeatureMessages';
import { enCA } from './enCA';
import { frCA } from './frCA';

export default defineFeatureMessages('incidents', { 'fr-CA': frCA, 'en-CA': enCA });
