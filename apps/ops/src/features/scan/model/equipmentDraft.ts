// The equipment the technician is about to link, as typed or read, and its checks.
import type { EquipmentType } from '@gigafibre/contracts';
import type { LinkEquipmentPayload } from './scanQueueRecord';
import { guessEquipmentType, guessManufacturer, macProblem, normaliseMac, normaliseSerial, serialProblem, type EquipmentCode } from './equipmentCodes';

export interface EquipmentDraft {
  serial: string;
  mac: string;
  equipmentType: EquipmentType;
  model: string;
  /** The type was chosen by hand: later reads do not change it. */
  typeChosen: boolean;
}

export function emptyDraft(): EquipmentDraft {
  return { serial: '', mac: '', equipmentType: 'ONT', model: '', typeChosen: false };
}

/** A code read (camera or photo) fills what it carries; the type follows unless chosen by hand. */
export function mergeCode(draft: EquipmentDraft, code: EquipmentCode): EquipmentDraft {
  const next = { ...draft };
  if (code.serial) next.serial = code.serial;
  if (code.mac) next.mac = code.mac;
  if (code.model) next.model = code.model;
  if (!next.typeChosen && (code.serial || code.model)) next.equipmentType = guessEquipmentType({ serial: next.serial || null, model: next.model || null });
  return next;
}

export interface DraftErrors {
  serial: 'serialEmpty' | 'serialFormat' | null;
  mac: 'macFormat' | 'macReserved' | null;
}

export function draftErrors(draft: EquipmentDraft): DraftErrors {
  const serial = serialProblem(normaliseSerial(draft.serial));
  const mac = draft.mac.trim() === '' ? null : macProblem(draft.mac);
  return {
    serial: serial === 'empty' ? 'serialEmpty' : serial === 'format' ? 'serialFormat' : null,
    mac: mac === 'format' ? 'macFormat' : mac === 'reserved' ? 'macReserved' : null,
  };
}

/** What goes in the queue record (call only when `draftErrors` found nothing). */
export function draftPayload(draft: EquipmentDraft, serviceLocation: string | null, source: LinkEquipmentPayload['source']): LinkEquipmentPayload {
  const serial = normaliseSerial(draft.serial);
  const model = draft.model.trim() || null;
  return {
    serial,
    mac: draft.mac.trim() === '' ? null : normaliseMac(draft.mac),
    equipmentType: draft.equipmentType,
    model,
    manufacturer: guessManufacturer({ serial, model }),
    serviceLocation,
    source,
  };
}

/** Back from a stored payload (to fix a refused record). */
export function draftFromPayload(payload: LinkEquipmentPayload): EquipmentDraft {
  return { serial: payload.serial, mac: payload.mac ?? '', equipmentType: payload.equipmentType, model: payload.model ?? '', typeChosen: true };
}

/** i18n key part of an equipment type (`Mesh Node` → `MeshNode`). */
export function typeKey(type: EquipmentType): string {
  return type.replace(/\s+/g, '');
}
