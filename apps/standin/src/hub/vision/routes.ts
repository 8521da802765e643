// `POST /vision/barcodes|equipment|invoice`: an image (multipart `image` field or a raw image/* body)
// → the codes in it and what they say. `Idempotency-Key` replays the first answer.
import type { IncomingMessage } from 'node:http';
import type { VisionBarcodes, VisionEquipment, VisionInvoice } from '@gigafibre/contracts';
import { fingerprint, isValidIdempotencyKey, type IdempotencyStore } from '../../db/idempotency';
import { BodyTooLargeError, mediaType, readBody } from '../../http/body';
import { sendJsonText } from '../../http/respond';
import type { Ctx } from '../../http/router';
import { HubError } from '../errors';
import { decodeBarcodes } from './barcodes';
import { equipmentFromCodes, invoiceFromCodes } from './extract';
import { toGrey } from './image';
import { boundaryOf, parseMultipart } from '../../http/multipart';

export type VisionKind = 'barcodes' | 'equipment' | 'invoice';

const LIMIT = 10 * 1024 * 1024;

async function body(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new HubError(413, 'Image trop volumineuse (10 Mo au plus)');
    throw err;
  }
}

/** The image bytes of a request. */
export function imageFrom(req: IncomingMessage, raw: Buffer): Buffer {
  const type = mediaType(req);
  if (type === 'multipart/form-data') {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) throw new HubError(400, 'multipart/form-data sans boundary');
    let parts;
    try {
      parts = parseMultipart(raw, boundary);
    } catch (err) {
      throw new HubError(400, `Corps multipart invalide : ${(err as Error).message}`);
    }
    const image = parts.find((p) => p.name === 'image') ?? parts.find((p) => p.filename !== null);
    if (!image || image.data.length === 0) throw new HubError(400, 'Champ « image » manquant');
    return image.data;
  }
  if (type.startsWith('image/') || type === 'application/octet-stream') {
    if (raw.length === 0) throw new HubError(400, 'Image vide');
    return raw;
  }
  throw new HubError(415, 'Envoyez une image (multipart/form-data avec un champ « image », ou image/png / image/jpeg)');
}

function analyse(kind: VisionKind, image: Buffer): VisionBarcodes | VisionEquipment | VisionInvoice {
  const barcodes = decodeBarcodes(toGrey(image));
  if (kind === 'equipment') return { ...equipmentFromCodes(barcodes), barcodes };
  if (kind === 'invoice') return { ...invoiceFromCodes(barcodes), barcodes };
  return { barcodes };
}

export function visionRoute(kind: VisionKind, idempotency: IdempotencyStore) {
  return async ({ req, res, path }: Ctx): Promise<void> => {
    const image = imageFrom(req, await body(req));
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string') {
      if (!isValidIdempotencyKey(key)) throw new HubError(400, 'Idempotency-Key invalide');
      // The image, not the body: a browser resending the same FormData picks a new boundary.
      const print = fingerprint('POST', path, image);
      const hit = idempotency.lookup('hub', key, print);
      if (hit.kind === 'mismatch') throw new HubError(422, 'Idempotency-Key déjà utilisée pour une autre requête');
      if (hit.kind === 'replay') return sendJsonText(res, hit.answer.status, hit.answer.body, { 'Idempotent-Replayed': 'true' });
      const text = JSON.stringify(analyse(kind, image));
      idempotency.remember('hub', key, print, { status: 200, body: text });
      return sendJsonText(res, 200, text);
    }
    sendJsonText(res, 200, JSON.stringify(analyse(kind, image)));
  };
}
