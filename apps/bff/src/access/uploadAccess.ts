// Frappe's upload API through the BFF: a technician attaches a photo or a signature to their own
// job, private, JPEG or PNG (read from the first bytes, not the name); and reads a private file
// back only when they may read the document it is attached to. The form is read in full by the
// security step (413 past the upload limit), so every field is checked here before anything is
// sent: Frappe reads the form after the query, so a field hidden in either place is judged.
import { DOCTYPE_ACCESS, UPLOAD_ACCESS, type UploadAccess } from '@gigafibre/capabilities';
import { HttpError } from '../errors';
import { badBody, fieldNotWritable, outOfScope, valueNotAllowed } from './accessErrors';
import { parseForm, type FormPart } from './multipartForm';
import { requireOwn, requireReadable, type AccessDeps, type Caller } from './ownCheck';
import { requireReadableReference } from './references';

/** The only form fields accepted (no `file_url`, `folder`, `method`, `library_file_name`, `optimize`). */
const FIELDS = ['doctype', 'docname', 'is_private', 'file_name', 'file'];
const FILE_NAME = /^[\w\-. ]{1,120}\.(?:jpe?g|png)$/i;

/** The media type of a file's content from its signature: JPEG, PNG, or null. */
export function sniffImage(data: Buffer): 'image/jpeg' | 'image/png' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

function unsupported(types: UploadAccess['types']): HttpError {
  return new HttpError(415, 'unsupported_media_type', `Type de fichier refusé : seules les images ${types.map((t) => t.slice(6).toUpperCase()).join(' ou ')} sont acceptées.`, {
    reason: 'file_type',
    accepted: types,
  });
}

/** Plans `POST /api/method/upload_file` with its form. @throws 400, 403, 415. */
export async function planUpload(deps: AccessDeps, caller: Caller, params: URLSearchParams, contentType: string | undefined, raw: Buffer | undefined): Promise<void> {
  for (const key of params.keys()) throw fieldNotWritable('upload_file', key.slice(0, 40));
  let parts: FormPart[];
  try {
    parts = parseForm(raw ?? Buffer.alloc(0), contentType);
  } catch (err) {
    throw badBody(`formulaire illisible (${(err as Error).message}).`);
  }
  const fields = new Map<string, FormPart>();
  for (const part of parts) {
    if (!FIELDS.includes(part.name)) throw fieldNotWritable('upload_file', part.name.slice(0, 40));
    if (fields.has(part.name)) throw badBody(`champ « ${part.name} » en double.`);
    fields.set(part.name, part);
  }
  const text = (name: string) => (fields.get(name)?.filename === null ? fields.get(name)?.data.toString('utf8') : undefined);
  const doctype = text('doctype') ?? '';
  const access = Object.hasOwn(UPLOAD_ACCESS, doctype) ? UPLOAD_ACCESS[doctype] : undefined;
  if (!access) throw new HttpError(403, 'forbidden', `Pièces jointes non permises sur ${doctype.slice(0, 40) || '(aucun document)'}.`, { reason: 'no_grant', doctype });
  if (text('is_private') !== '1') throw valueNotAllowed('upload_file', 'is_private', text('is_private') ?? null);
  const docname = text('docname');
  if (!docname) throw badBody('« docname » manquant.');
  const file = fields.get('file');
  if (!file || file.filename === null) throw badBody('aucun fichier (« file »).');
  const name = file.filename;
  if (!FILE_NAME.test(name)) throw badBody('nom de fichier invalide : lettres, chiffres, « - », « _ », « . », et .jpg, .jpeg ou .png.');
  const type = sniffImage(file.data);
  if (!type || !access.types.includes(type)) throw unsupported(access.types);
  const grant = access.grants.find((g) => caller.identity.capabilitySet.has(g.by));
  if (!grant) throw outOfScope(doctype, docname);
  if (grant.rows === 'own') await requireOwn(deps, caller, doctype, docname);
  else await requireReadable(deps, caller, doctype, docname);
}

/** Plans `GET /private/files/<name>`: some File with this URL is attached to a document the user may read. @throws 403, 404. */
export async function planPrivateFile(deps: AccessDeps, caller: Caller, name: string): Promise<void> {
  const refs = DOCTYPE_ACCESS.File?.reference;
  const read = deps.grants.readsOf('File', caller.identity.capabilitySet)[0];
  if (!refs || !read) throw outOfScope('File');
  const rows = await deps.reader.list('File', ['name', refs.doctype, refs.name], [['file_url', '=', `/private/files/${name}`]], 20, caller.requestId);
  if (rows.length === 0) throw new HttpError(404, 'not_found', 'Fichier introuvable.', { reason: 'no_file' });
  let refusal: unknown;
  for (const row of rows) {
    try {
      return await requireReadableReference(deps, caller, 'File', refs, read.grant.references ?? [], row[refs.doctype], row[refs.name]);
    } catch (err) {
      refusal ??= err;
    }
  }
  throw refusal;
}
