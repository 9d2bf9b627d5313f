/**
 * HubSpot's official OpenAPI documents (shared/api-specs/hubspot, beside the repository): every
 * request the emulator gets and every answer it gives is checked against them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SPECS = fileURLToPath(new URL('../../../shared/api-specs/hubspot', import.meta.url));
const FILES = ['accountInfo', 'contacts', 'companies', 'calls', 'associations', 'crmOwners'];

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
type Content = Record<string, { schema?: Schema }>;
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Content };
  responses?: Record<string, { content?: Content; $ref?: string }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, { content?: Content }>;
  };
}

const DOCS: Doc[] = FILES.map(
  (file) => JSON.parse(readFileSync(`${SPECS}/${file}.json`, 'utf8')) as Doc,
);

/** The documented operation for a method and a concrete path (or a ':id' pattern). */
export function documented(
  method: string,
  path: string,
): { doc: Doc; template: string; operation: Operation } | null {
  const rest = path.split('/');
  const found: { doc: Doc; template: string; operation: Operation; variables: number }[] = [];
  for (const doc of DOCS) {
    for (const [template, operations] of Object.entries(doc.paths)) {
      const parts = template.split('/');
      const same =
        parts.length === rest.length &&
        parts.every((p, i) => p === rest[i] || (/^\{.+\}$/.test(p) && rest[i] !== ''));
      const operation = operations[method.toLowerCase()];
      const variables = parts.filter((p) => p.startsWith('{')).length;
      if (same && operation) found.push({ doc, template, operation, variables });
    }
  }
  // A literal segment wins over a {variable}: …/calls/search is not …/calls/{callId}.
  return found.sort((a, b) => a.variables - b.variables)[0] ?? null;
}

function resolve(doc: Doc, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return doc.components.schemas?.[name] ?? {};
}

// What in `value` the schema does not allow; [] when it validates. `strict` (requests) refuses
// fields the schema does not name; answers may carry more, as OpenAPI allows (HubSpot's
// error bodies say `status: "error"`, which its Error schema leaves out).
function check(doc: Doc, value: unknown, raw: Schema, at: string, strict = true): string[] {
  const schema = resolve(doc, raw);
  if (value === null) return []; // HubSpot sends null for unset properties
  for (const part of schema.allOf ?? []) {
    const found = check(doc, value, part, at, strict);
    if (found.length) return found;
  }
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices && choices.every((c) => check(doc, value, c, at, strict).length > 0)) {
    return [`${at} fits none of its choices`];
  }
  const actual = Array.isArray(value) ? 'array' : typeof value;
  const wanted = schema.type;
  const fits =
    wanted === undefined ||
    (wanted === 'integer' ? Number.isInteger(value) : wanted === actual) ||
    (wanted === 'number' && actual === 'number');
  if (!fits) return [`${at} is ${actual}, documented as ${wanted}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at} is not one of its enum`];
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((item, i) =>
      check(doc, item, schema.items as Schema, `${at}[${i}]`, strict),
    );
  }
  if (actual !== 'object') return [];
  const record = value as Record<string, unknown>;
  const problems = (schema.required ?? [])
    .filter((name) => !(name in record))
    .map((name) => `${at}.${name} is required`);
  for (const [name, item] of Object.entries(record)) {
    const property = schema.properties?.[name];
    const extra = schema.additionalProperties;
    if (property) problems.push(...check(doc, item, property, `${at}.${name}`, strict));
    else if (typeof extra === 'object') {
      problems.push(...check(doc, item, extra, `${at}.${name}`, strict));
    } else if (strict && schema.properties && extra !== true) {
      problems.push(`${at}.${name} is not documented`);
    }
  }
  return problems;
}

/** What in a request the documents do not allow; [] when it validates. */
export function requestProblems(request: {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}): string[] {
  const found = documented(request.method, request.path);
  if (!found) return [`${request.method} ${request.path} is not documented`];
  const params = new Set((found.operation.parameters ?? []).map((p) => p.name));
  const problems = Object.keys(request.query)
    .filter((name) => !params.has(name))
    .map((name) => `query ${name} is not documented`);
  const schema = found.operation.requestBody?.content['application/json']?.schema;
  if (schema) problems.push(...check(found.doc, request.body, schema, 'body'));
  else if (request.body !== null && request.body !== undefined && request.body !== '') {
    problems.push('a body is sent where none is documented');
  }
  return problems;
}

/** What in an answer the documents do not allow (by its status, else `default`). */
export function responseProblems(
  request: { method: string; path: string },
  status: number,
  body: unknown,
): string[] {
  const found = documented(request.method, request.path);
  if (!found) return [];
  const answer = found.operation.responses?.[String(status)] ?? found.operation.responses?.default;
  if (!answer) return [`HTTP ${status} is not documented`];
  const named = answer.$ref
    ? found.doc.components.responses?.[answer.$ref.split('/').pop() ?? '']
    : answer;
  const schema = named?.content?.['application/json']?.schema ?? named?.content?.['*/*']?.schema;
  if (!schema) {
    return body === undefined || body === '' ? [] : [`HTTP ${status} has no documented body`];
  }
  return check(found.doc, body, schema, `HTTP ${status}`, false);
}
