// Hostile bodies and headers: broken and deeply nested JSON, sizes past every limit, wrong
// content types, invalid UTF-8 and NUL bytes. All refused by the BFF before any upstream.
import { CSRF, get, jwt, JSON_TYPE, ROUTES, send, type Header, type HostileCase } from './hostileCase';

const BROKEN_JSON = [
  '{',
  '}',
  '{"status":}',
  '{"status":"Assigned",}',
  '[1,2',
  "{'status':'Assigned'}",
  '{"status":"Assigned"}}',
  '{"status":"Assigned"} trailing',
  'NaN',
  'undefined',
  '{"status":"unterminated}',
  '{"status":"\\x41"}',
  '\ufeff{"status":"Assigned"}',
  '{"n":01}',
  '{"n":.5}',
  '{"n":0x10}',
  '/* comment */{}',
  '{"a" "b"}',
];

const MIB = 1024 * 1024;
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function brokenJson(): HostileCase[] {
  const routes = [ROUTES.updateJob, ROUTES.addNote, ROUTES.invite];
  return routes.flatMap(([method, target]) =>
    BROKEN_JSON.map((body) => ({ category: 'broken JSON' as const, name: `${method} ${target} ${JSON.stringify(body)}`, request: send(method, target, body), status: [400] })),
  );
}

function nestedJson(): HostileCase[] {
  const [method, target] = ROUTES.updateJob;
  const cases: [string, string, number[]][] = [
    ['arrays 33 deep (one past the limit)', nestedArrays(33), [400]],
    ['arrays 1,000 deep', nestedArrays(1000), [400]],
    ['arrays 30,000 deep (just under 64 kB)', nestedArrays(30_000), [400]],
    ['arrays 100,000 deep (past 64 kB)', nestedArrays(100_000), [413]],
    ['objects 33 deep', nestedObjects(33), [400]],
    ['objects 5,000 deep', nestedObjects(5000), [400]],
    ['objects and arrays alternating 2,000 deep', `${'[{"a":'.repeat(1000)}1${'}]'.repeat(1000)}`, [400]],
    ['deep inside a valid field', `{"status":"Assigned","x":${nestedArrays(500)}}`, [400]],
    ['unbalanced: 10,000 opening brackets', '['.repeat(10_000), [400]],
  ];
  const list: HostileCase[] = cases.map(([name, body, status]) => ({ category: 'deeply nested JSON', name, request: send(method, target, body), status }));
  list.push({ category: 'deeply nested JSON', name: 'arrays 1,000 deep, chunked', request: send(method, target, nestedArrays(1000), 'admin', [JSON_TYPE], true), status: [400] });
  return list;
}

function hugeHeadersAndBodies(): HostileCase[] {
  const [jm, jt] = ROUTES.updateJob;
  const [vm, vt] = ROUTES.visionBarcodes;
  const manyHeaders: Header[] = Array.from({ length: 200 }, (_, i) => [`X-Filler-${i}`, 'x'.repeat(100)]);
  const png: Header = ['Content-Type', 'image/png'];
  const c = (name: string, request: HostileCase['request'], status: number[]): HostileCase => ({ category: 'huge headers and bodies', name, request, status });
  return [
    c('one 20 kB header', get('/ops/api/me', 'admin', [['X-Big', 'a'.repeat(20_000)]]), [431]),
    c('200 headers of 100 bytes', get('/ops/api/me', 'admin', manyHeaders), [431]),
    c('17 kB cookie', get('/ops/api/me', 'admin', [['Cookie', `sid=${'c'.repeat(17_000)}`]]), [431]),
    c('3,000-character path', get(`/ops/api/erp/resource/Customer/${'a'.repeat(3000)}`), [400]),
    c('20 kB request target', get(`/ops/api/erp/resource/Customer?x=${'q'.repeat(20_000)}`), [431]),
    c('JSON body one byte over 64 kB', send(jm, jt, `{"notes":"${'n'.repeat(64 * 1024 - 11)}"}`), [413]),
    c('JSON body of 1 MB', send(jm, jt, `{"notes":"${'n'.repeat(MIB)}"}`), [413]),
    c('chunked JSON body of 100 kB', send(jm, jt, `{"notes":"${'n'.repeat(100_000)}"}`, 'admin', [JSON_TYPE], true), [413]),
    c('declares 10 GB, sends nothing', { method: jm, target: jt, headers: [jwt('admin'), CSRF, JSON_TYPE, ['Content-Length', String(10 * 1024 ** 3)]] }, [413]),
    c('image declaring 9 MB, sends nothing', { method: vm, target: vt, headers: [jwt('admin'), CSRF, png, ['Content-Length', String(9 * MIB)]] }, [413]),
    c('image of 8 MB + 1 byte with its length', send(vm, vt, Buffer.alloc(8 * MIB + 1, 7), 'admin', [png]), [413]),
    c('chunked image of 9 MB', send(vm, vt, Buffer.alloc(9 * MIB, 7), 'admin', [png], true), [413]),
    c('GET with a body', { method: 'GET', target: '/ops/api/erp/resource/Customer', headers: [jwt('admin'), JSON_TYPE], body: '{"filters":[]}' }, [400]),
    c('GET with a chunked body', { method: 'GET', target: '/ops/api/erp/resource/Customer', headers: [jwt('admin')], body: 'x', chunked: true }, [400]),
    c('HEAD with a body', { method: 'HEAD', target: '/ops/api/hub/devices/lookup?serial=X', headers: [jwt('admin')], body: 'x' }, [400]),
  ];
}

function wrongContentTypes(): HostileCase[] {
  const [jm, jt] = ROUTES.addNote;
  const [vm, vt] = ROUTES.visionBarcodes;
  const note = '{"reference_doctype":"Customer","reference_name":"CUST-00001","content":"x"}';
  const json: [string, string | null][] = [
    ['text/plain', 'text/plain'],
    ['form-urlencoded (a cross-site form)', 'application/x-www-form-urlencoded'],
    ['multipart on a JSON route', 'multipart/form-data; boundary=x'],
    ['JSON in UTF-16', 'application/json; charset=utf-16'],
    ['json-patch', 'application/json-patch+json'],
    ['application/jsonx', 'application/jsonx'],
    ['an image on a JSON route', 'image/png'],
    ['no content type at all', null],
    ['two content types', 'application/json, text/plain'],
  ];
  const upload: [string, string][] = [
    ['JSON to vision', 'application/json'],
    ['HTML to vision', 'text/html'],
    ['multipart without boundary', 'multipart/form-data'],
    ['SVG disguised as image/*+script', 'image/svg+xml; charset=utf-8'],
    ['application/octet-stream', 'application/octet-stream'],
  ];
  const c = (name: string, request: HostileCase['request']): HostileCase => ({ category: 'wrong content types', name, request, status: [415] });
  return [
    ...json.map(([name, type]) => c(name, send(jm, jt, note, 'admin', type === null ? [] : [['Content-Type', type]]))),
    ...upload.map(([name, type]) => c(name, send(vm, vt, 'not an image', 'admin', [['Content-Type', type]]))),
    c('gzip-encoded JSON', send(jm, jt, note, 'admin', [JSON_TYPE, ['Content-Encoding', 'gzip']])),
    c('deflate-encoded image', send(vm, vt, 'x', 'admin', [['Content-Type', 'image/png'], ['Content-Encoding', 'deflate']])),
  ];
}

function invalidUtf8(): HostileCase[] {
  const [jm, jt] = ROUTES.updateJob;
  const bytes: [string, number[]][] = [
    ['lone 0xFF', [0xff]],
    ['0xC3 0x28 (bad continuation)', [0xc3, 0x28]],
    ['overlong slash 0xC0 0xAF', [0xc0, 0xaf]],
    ['UTF-16 surrogate 0xED 0xA0 0x80', [0xed, 0xa0, 0x80]],
    ['truncated 0xE2 0x82', [0xe2, 0x82]],
    ['5-byte sequence', [0xf8, 0x88, 0x80, 0x80, 0x80]],
    ['0xFE 0xFF', [0xfe, 0xff]],
  ];
  const inBody = bytes.map(([name, b]): HostileCase => ({
    category: 'invalid UTF-8',
    name: `JSON body with ${name}`,
    request: send(jm, jt, Buffer.concat([Buffer.from('{"notes":"'), Buffer.from(b), Buffer.from('"}')])),
    status: [400],
  }));
  const inPath = ['%FF', '%C3%28', '%C0%AF', '%ED%A0%80', '%E2%82', '%F8%88%80%80%80'].map(
    (enc): HostileCase => ({ category: 'invalid UTF-8', name: `path segment ${enc}`, request: get(`/ops/api/erp/resource/Customer/CUST${enc}`, 'support'), status: [400] }),
  );
  return [
    ...inBody,
    ...inPath,
    { category: 'invalid UTF-8', name: 'raw 0xFF byte in the path', request: { raw: Buffer.concat([Buffer.from('GET /ops/api/erp/resource/Customer/'), Buffer.from([0xff]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]) }, status: [400] },
    { category: 'invalid UTF-8', name: 'identity header with 0xFF 0xFE (no JWT)', request: { method: 'GET', target: '/ops/api/me', headers: [['X-Authentik-Email', 'adm\xff\xfein@gigafibre.ca'], ['X-Authentik-Groups', 'ops-admin']] }, status: [401] },
    { category: 'invalid UTF-8', name: 'JWT with 0xFF bytes', request: { method: 'GET', target: '/ops/api/me', headers: [['X-Authentik-Jwt', 'ey\xff\xff.ey\xfe.sig']] }, status: [401] },
  ];
}

function nulBytes(): HostileCase[] {
  const [jm, jt] = ROUTES.updateJob;
  const c = (name: string, request: HostileCase['request'], status: number[]): HostileCase => ({ category: 'NUL bytes', name, request, status });
  const rawGet = (target: string, extra = '') => ({ raw: `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n` });
  return [
    c('%00 in a path segment', get('/ops/api/erp/resource/Customer/CUST-00001%00.json', 'support'), [400]),
    c('%00 in the query', get('/ops/api/erp/resource/Customer?fields=%5B%22name%22%5D%00', 'support'), [400]),
    c('double-encoded %2500 in the path', get('/ops/api/erp/resource/Customer/CUST%2500', 'support'), [400]),
    c('raw NUL in the path', rawGet('/ops/api/me\0/x'), [400]),
    c('raw NUL in a header value', rawGet('/ops/api/me', 'X-Authentik-Jwt: abc\0def\r\n'), [400]),
    c('raw NUL in a header name', rawGet('/ops/api/me', 'X-Auth\0entik-Email: a@b.c\r\n'), [400]),
    c('escaped \\u0000 in a JSON string', send(jm, jt, '{"notes":"before\\u0000after"}'), [400]),
    c('escaped \\u0000 in a JSON key', send(jm, jt, '{"no\\u0000tes":"x"}'), [400]),
    c('raw NUL byte in the JSON body', send(jm, jt, Buffer.from('{"notes":"a\0b"}', 'latin1')), [400]),
  ];
}

export function bodyCases(): HostileCase[] {
  return [...brokenJson(), ...nestedJson(), ...hugeHeadersAndBodies(), ...wrongContentTypes(), ...invalidUtf8(), ...nulBytes()];
}
