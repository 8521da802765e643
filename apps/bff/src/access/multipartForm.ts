// A strict multipart/form-data reader for the forms the BFF checks field by field (upload_file):
// each part's name, filename (null for a text field) and bytes. Anything odd is refused.

export interface FormPart {
  name: string;
  filename: string | null;
  data: Buffer;
}

const MAX_PARTS = 16;

/** Splits a form; throws (a French reason) on a missing boundary or a malformed body. */
export function parseForm(body: Buffer, contentType: string | undefined): FormPart[] {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new Error('délimiteur absent');
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos !== 0) throw new Error('début inattendu');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') return parts;
    if (body.subarray(pos, pos + 2).toString('latin1') !== '\r\n') throw new Error('délimiteur mal formé');
    if (parts.length === MAX_PARTS) throw new Error('trop de champs');
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headerEnd < 0) throw new Error('en-têtes incomplets');
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) throw new Error('champ non terminé');
    const headers = body.subarray(pos + 2, headerEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => /^content-disposition:\s*form-data/i.test(h));
    if (!disposition) throw new Error('Content-Disposition absent');
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw new Error('champ sans nom');
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    parts.push({ name, filename, data: body.subarray(headerEnd + 4, end) });
    pos = end + 2;
  }
}
