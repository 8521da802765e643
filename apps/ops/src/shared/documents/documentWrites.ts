// Writes through the cache: the server's answer replaces the cached document and the list rows
// showing it at once, so the page that wrote, and every other page showing the document, agree
// without anyone reloading. Other people's writes arrive as live events (documentStore.onEvent).
import { completeDoc, docChangeRefs, type Doc, type DocChangeEvent, type DocRead, type Doctype, type FullDoc } from '@gigafibre/contracts';
import { callMethod, erpDelete, erpInsert, erpUpdate, type CallOptions } from '../http';
import { documentCache } from './documentCache';
import { docKey } from './documentKeys';

type Saved = Record<string, unknown> & { name: string; modified?: unknown };

/**
 * Our own change, told to the cache the moment the server answers (the live event follows, and
 * finds it already shown): the document and its rows take the answer, and the lists and reads it
 * may enter or leave (a new ticket on a client's file) are read again.
 */
function applied(doctype: Doctype, action: DocChangeEvent['action'], doc: Saved, changed: string[]): void {
  const before = documentCache.peek<Saved>(docKey(doctype, doc.name))?.state.value.data;
  if (action !== 'delete') documentCache.putDoc(doctype, doc);
  documentCache.onEvent({
    doctype,
    name: doc.name,
    action,
    changed,
    by: null,
    at: new Date().toISOString(),
    refs: docChangeRefs(doctype, doc, before),
    ...(action !== 'delete' && typeof doc.modified === 'string' ? { modified: doc.modified } : {}),
  });
}

export interface SaveOptions extends CallOptions {
  /**
   * The `modified` the user saw: ERPNext then refuses the save (417 TimestampMismatchError) when
   * someone saved the document in between, rather than overwriting a change nobody saw.
   */
  modified?: string;
}

/** `PUT` a partial update; the answer updates every cached view of the document. */
export async function saveDoc<D extends Doctype>(doctype: D, name: string, patch: Partial<Doc<D>>, options: SaveOptions = {}): Promise<FullDoc<D>> {
  const { modified, ...call } = options;
  const body = modified === undefined ? patch : { ...patch, modified };
  const saved = await erpUpdate(doctype, name, body as Partial<Doc<D>>, call);
  applied(doctype, 'update', saved as Saved, Object.keys(patch));
  return saved;
}

/** `POST` a new document; the lists and reads that may hold it are read again. */
export async function insertDoc<D extends Doctype>(doctype: D, doc: Partial<Doc<D>>, options: CallOptions = {}): Promise<FullDoc<D>> {
  const created = await erpInsert(doctype, doc, options);
  applied(doctype, 'insert', created as Saved, Object.keys(doc));
  return created;
}

/** `DELETE`; the document leaves every cached list at once. */
export async function deleteDoc(doctype: Doctype, name: string, options: CallOptions = {}): Promise<void> {
  const before = documentCache.peek<Saved>(docKey(doctype, name))?.state.value.data;
  await erpDelete(doctype, name, options);
  documentCache.dropDoc(doctype, name);
  applied(doctype, 'delete', before ?? { name }, []);
}

/**
 * A whitelisted method that changes one document and answers it as a single read does
 * (`gigafibre.ops.set_job_status`): the answer, completed, updates the cache like a save.
 */
export async function callDocMethod<D extends Doctype>(doctype: D, method: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<FullDoc<D>> {
  const answer = await callMethod<DocRead<D>>(method, args, { ...options, invalidates: [doctype] });
  const doc = completeDoc(doctype, answer);
  applied(doctype, 'update', doc as Saved, Object.keys(args));
  return doc;
}
