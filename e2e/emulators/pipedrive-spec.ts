/**
 * Pipedrive's official OpenAPI documents (shared/api-specs/pipedrive, beside the repository), to
 * check requests (the connector's, as the emulator logs them) and the emulator's own routes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PIPEDRIVE_SPECS = fileURLToPath(
  new URL('../../../shared/api-specs/pipedrive', import.meta.url),
);
const SPECS = PIPEDRIVE_SPECS;

interface Schema {
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Paths = Record<string, Record<string, Operation>>;

function load(file: string, base: string, dir = SPECS): { base: string; paths: Paths } {
  const doc = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { paths: Paths };
  return { base, paths: doc.paths };
}

// The users list (the card's owner names) is copied from Pipedrive's public reference.
const HERE = fileURLToPath(new URL('.', import.meta.url));
const DOCS = [
  load('v1-subset.json', '/v1'),
  load('v2-subset.json', '/api/v2'),
  load('pipedrive-users-doc.json', '/v1', HERE),
];

/** The documented operation for a method and a concrete path (or a ':id' pattern). */
export function documented(
  method: string,
  path: string,
): { template: string; operation: Operation } | null {
  for (const doc of DOCS) {
    if (!path.startsWith(`${doc.base}/`)) continue;
    const rest = path.slice(doc.base.length).split('/');
    for (const [template, operations] of Object.entries(doc.paths)) {
      const parts = template.split('/');
      const same =
        parts.length === rest.length &&
        parts.every((p, i) => p === rest[i] || (/^\{.+\}$/.test(p) && rest[i] !== ''));
      const operation = operations[method.toLowerCase()];
      if (same && operation) return { template: `${doc.base}${template}`, operation };
    }
  }
  return null;
}

function flatten(schema: Schema): { properties: Record<string, Schema>; required: string[] } {
  const parts = [schema, ...(schema.allOf ?? [])];
  return {
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<
      string,
      Schema
    >,
    required: parts.flatMap((p) => p.required ?? []),
  };
}

function typeProblem(name: string, value: unknown, schema: Schema): string | null {
  if (value === null) return null;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  const wanted = schema.type;
  const fits =
    wanted === undefined ||
    (wanted === 'integer' ? Number.isInteger(value) : wanted === actual) ||
    (wanted === 'number' && actual === 'number');
  if (!fits) return `${name} is ${actual}, documented as ${wanted}`;
  if (schema.enum && !schema.enum.includes(value)) return `${name} is not one of its enum`;
  return null;
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
  const problems: string[] = [];
  const params = new Set((found.operation.parameters ?? []).map((p) => p.name));
  for (const name of Object.keys(request.query)) {
    if (!params.has(name)) problems.push(`query ${name} is not documented`);
  }
  const schema = found.operation.requestBody?.content['application/json']?.schema;
  if (schema && typeof request.body === 'object' && request.body !== null) {
    const { properties, required } = flatten(schema);
    const body = request.body as Record<string, unknown>;
    for (const name of required) if (!(name in body)) problems.push(`${name} is required`);
    for (const [name, value] of Object.entries(body)) {
      const property = properties[name];
      if (!property) problems.push(`body ${name} is not documented`);
      else {
        const problem = typeProblem(name, value, property);
        if (problem) problems.push(problem);
      }
    }
  } else if (request.body !== undefined && request.body !== null && request.body !== '') {
    if (!schema) problems.push('a body is sent where none is documented');
  }
  return problems;
}
