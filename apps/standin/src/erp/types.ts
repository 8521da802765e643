// What the ERP routes share.
import type { IdempotencyStore } from '../db/idempotency';
import type { DocStore } from './docs/store';
import type { ListRunner } from './query/run-list';
import type { FileFolder } from './routes/upload-file';

export interface ErpDeps {
  store: DocStore;
  lists: ListRunner;
  idempotency: IdempotencyStore;
  /** `key:secret` the API accepts. */
  token: string;
  now: () => Date;
  /** Where upload_file keeps the files' content. */
  files: FileFolder;
}

/** A route's answer, kept as data so an idempotent POST can store and replay it. */
export interface Answer {
  status: number;
  body: unknown;
}
