import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';
import { enCA } from './messages/enCA';
import { frCA } from './messages/frCA';

export default defineFeatureMessages('diagnostics', { 'fr-CA': frCA, 'en-CA': enCA });
