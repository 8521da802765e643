// `upload_file` (frappe/handler.py): a multipart upload → a File document (frappe/core/doctype/
// file/file.py), its content on disk under the standin's data folder, answered as the File.
// - form fields `doctype`, `docname`, `fieldname` (attached_to_*), `is_private`, `folder`
//   (default Home; Home/Attachments when attached), `file_name`; the `file` part's filename wins;
// - private files: `/private/files/<file_name>`; public: `/files/<file_name>`; a different
//   content under a taken name gets the content hash's last 6 characters before the extension;
// - `file_size`, `content_hash` (MD5), `file_type` (the extension in capitals);
// - past max_file_size (Frappe's default 25 MB): MaxFileSizeReachedError (a ValidationError, 417);
// - neither a file nor a `file_url`: MandatoryError (417); attached to a document that does not
//   exist: DoesNotExistError (404) — the standin checks it, ERPNext leaves it to the form.
// Not modelled: `method` (a custom upload handler), `library_file_name`, `optimize`, remote URLs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isDoctype } from '@gigafibre/contracts';
import type { Part } from '../../http/multipart';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound, validationError } from '../errors';

/** frappe.utils.file_manager's default max_file_size. */
export const MAX_FILE_SIZE = 25 * 1024 * 1024;

/** Where the files of one standin live: `<data>/private/files`, `<data>/public/files`. */
export interface FileFolder {
  root: string;
}

function filesDir(folder: FileFolder, isPrivate: boolean): string {
  const dir = join(folder.root, isPrivate ? 'private' : 'public', 'files');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file name safe on disk and in a URL path: no folders, no control characters. */
function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // Control characters, and what would end or escape the URL path.
  const clean = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && !'?#%'.includes(c)).join('').trim();
  if (clean === '' || clean === '.' || clean === '..') throw validationError(`Nom de fichier invalide : ${raw.slice(0, 80)}`);
  return clean.slice(0, 140);
}

/** The name the content is stored under: the asked one, or one with the hash's tail when taken by other content. */
function storedName(dir: string, name: string, hash: string): string {
  const path = join(dir, name);
  if (!existsSync(path) || createHash('md5').update(readFileSync(path)).digest('hex') === hash) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}${hash.slice(-6)}${ext}`;
}

/** Runs upload_file for `user` with the parsed form; returns the new File. */
export function uploadFile(store: DocStore, folder: FileFolder, params: Record<string, unknown>, file: Part | undefined, user: string | null): Row {
  const text = (key: string) => (typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : null);
  if (!file && !text('file_url')) throw new FrappeError('MandatoryError', 'Les champs file_name ou file_url doivent être renseignés pour un fichier');
  if (!file) throw validationError('Les fichiers distants (file_url) ne sont pas pris en charge par le standin');
  if (file.data.length > MAX_FILE_SIZE) {
    throw new FrappeError('MaxFileSizeReachedError', `La taille du fichier dépasse le maximum permis de ${MAX_FILE_SIZE / (1024 * 1024)} Mo`);
  }
  const doctype = text('doctype');
  const docname = text('docname');
  if (doctype) {
    if (!docname) throw validationError('Attached To Name doit être un texte ou un entier');
    if (!isDoctype(doctype) || !store.get(doctype, docname)) throw notFound(doctype, docname);
  }
  const isPrivate = text('is_private') !== null && text('is_private') !== '0';
  const hash = createHash('md5').update(file.data).digest('hex');
  const dir = filesDir(folder, isPrivate);
  const name = storedName(dir, cleanName(file.filename ?? text('file_name') ?? ''), hash);
  writeFileSync(join(dir, name), file.data);
  return store.insert(
    'File',
    {
      file_name: name,
      file_url: `${isPrivate ? '/private' : ''}/files/${name}`,
      is_private: isPrivate ? 1 : 0,
      file_size: file.data.length,
      file_type: extname(name).slice(1).toUpperCase() || null,
      content_hash: hash,
      folder: text('folder') ?? (doctype ? 'Home/Attachments' : 'Home'),
      attached_to_doctype: doctype,
      attached_to_name: docname,
      attached_to_field: text('fieldname'),
    },
    user,
  );
}

const TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.pdf': 'application/pdf' };

/** `/private/files/<name>` (frappe.utils.response.download_private_file): the content, or null when absent. */
export function readStoredFile(folder: FileFolder, isPrivate: boolean, rawName: string): { data: Buffer; type: string } | null {
  let name: string;
  try {
    name = cleanName(decodeURIComponent(rawName));
  } catch {
    return null;
  }
  const path = join(filesDir(folder, isPrivate), name);
  if (!existsSync(path)) return null;
  return { data: readFileSync(path), type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream' };
}
