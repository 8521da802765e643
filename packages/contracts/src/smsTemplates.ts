// The texts CSRs and the hub send customers, in the customer's language. Shared data: the SPA's
// composer offers them, the hub writes the « en route » text from the same one, so both read alike.
// A variable is `{name}`; rendering refuses a missing one rather than texting « Bonjour , ».

/** The languages a text is written in. */
export type SmsLanguage = 'fr-CA' | 'en-CA';

/** Template ids, as `Message.template` records them. */
export const SMS_TEMPLATE_IDS = ['visit_confirmation', 'access_request', 'en_route', 'generic'] as const;
/** A template id. */
export type SmsTemplateId = (typeof SMS_TEMPLATE_IDS)[number];

/** The variables a template may use. */
export type SmsTemplateVariable = 'client_first_name' | 'technician_first_name' | 'window' | 'date';

/** The templates' texts, by id and language. */
export const SMS_TEMPLATES: Record<SmsTemplateId, Record<SmsLanguage, string>> = {
  visit_confirmation: {
    'fr-CA': 'Bonjour {client_first_name}, Gigafibre confirme la visite de notre technicien le {date}, {window}. Répondez à ce texto pour toute question.',
    'en-CA': 'Hello {client_first_name}, Gigafibre confirms our technician’s visit on {date}, {window}. Reply to this text with any question.',
  },
  access_request: {
    'fr-CA': 'Bonjour {client_first_name}, notre technicien devra accéder à votre panneau électrique et à l’entrée du câble le {date}. Merci de nous indiquer comment y accéder.',
    'en-CA': 'Hello {client_first_name}, our technician will need access to your electrical panel and cable entry on {date}. Please let us know how to get in.',
  },
  en_route: {
    'fr-CA': 'Bonjour {client_first_name}, {technician_first_name}, votre technicien Gigafibre, est en route : arrivée prévue {window}. Répondez à ce texto si vous devez vous absenter.',
    'en-CA': 'Hello {client_first_name}, {technician_first_name}, your Gigafibre technician, is on the way, expected {window}; reply to this text if you need to step out.',
  },
  generic: {
    'fr-CA': 'Bonjour {client_first_name}, ',
    'en-CA': 'Hello {client_first_name}, ',
  },
};

/** The language to text a customer in, from ERPNext's Customer.language (`fr`, `en`, `en-CA`…): French unless English. */
export function smsLanguage(customerLanguage: string | null | undefined): SmsLanguage {
  return customerLanguage?.trim().toLowerCase().startsWith('en') ? 'en-CA' : 'fr-CA';
}

const VARIABLE = /\{([a-z_]+)\}/g;

/** The variables a template's text uses, each once, in order. */
export function templateVariables(id: SmsTemplateId, language: SmsLanguage): SmsTemplateVariable[] {
  return [...new Set([...SMS_TEMPLATES[id][language].matchAll(VARIABLE)].map((m) => m[1] as SmsTemplateVariable))];
}

/** Thrown when a template's variable has no (non-blank) value. */
export class MissingTemplateVariables extends Error {
  constructor(readonly missing: SmsTemplateVariable[]) {
    super(`Variables manquantes dans le modèle : ${missing.join(', ')}`);
    this.name = 'MissingTemplateVariables';
  }
}

/** The template's text with its variables filled; throws MissingTemplateVariables when one is missing or blank. */
export function renderSmsTemplate(id: SmsTemplateId, language: SmsLanguage, values: Partial<Record<SmsTemplateVariable, string | null>>): string {
  const missing = templateVariables(id, language).filter((v) => !values[v]?.trim());
  if (missing.length > 0) throw new MissingTemplateVariables(missing);
  return SMS_TEMPLATES[id][language].replace(VARIABLE, (_, name: SmsTemplateVariable) => (values[name] as string).trim());
}

/** The first name of a full name (« Marie-Ève Tremblay » → « Marie-Ève »), for greetings. */
export function firstName(fullName: string | null | undefined): string {
  return fullName?.trim().split(/\s+/)[0] ?? '';
}
