import {
  defaultFieldResolver, getNamedType, getNullableType, GraphQLField, GraphQLFieldResolver, GraphQLInputType, GraphQLSchema, isInputObjectType,
  isIntrospectionType, isListType, isObjectType,
} from 'graphql';
import { badInput, InputErrors } from '../errors';
import { decodeId, encodeId, IdKind } from '../services/platform/opaque-ids';
import {
  AUDIT_STATE_FIELDS, AUDIT_STATE_KEYS, AUDIT_SUBJECT_KINDS, FORM_LAYOUT_KEYS, ID_COORDINATES, IdSpec, NO_KEY,
} from './id-coordinates';

const FORM_LAYOUT_TYPES = new Map(Object.entries(FORM_LAYOUT_KEYS).map(([type, key]) => [key, type]));
const AUDIT_KINDS = new Set(Object.values(AUDIT_SUBJECT_KINDS));

/** An ID argument's value as the resolvers and services receive it: the decimal key; `Kind:key` for `node(id:)`. */
export const nodeValue = (kind: IdKind, key: number) => `${kind}:${key}`;

/** The id an audit entry shows for its subject, by its subject type (form layouts are stored by document type). */
function auditSubjectId(subjectType: string, stored: string): string {
  const kind = AUDIT_SUBJECT_KINDS[subjectType];
  if (!kind) throw new Error(`audit subject type ${subjectType} has no id kind (id-coordinates.ts)`);
  const key = kind === 'DocumentFormLayout' ? FORM_LAYOUT_KEYS[stored as keyof typeof FORM_LAYOUT_KEYS] : Number(stored);
  return encodeId(kind, key);
}

/** An audit state (JSON) with its ids encoded: `id` at the top by the subject type, the keys of AUDIT_STATE_KEYS anywhere. */
function encodeAuditState(value: unknown, subjectType: string, top: boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => encodeAuditState(item, subjectType, false));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => {
    if (top && key === 'id' && item !== null) return [key, auditSubjectId(subjectType, String(item))];
    const kind = AUDIT_STATE_KEYS[key];
    if (kind && item !== null && item !== undefined) {
      return [key, Array.isArray(item) ? item.map((k) => encodeId(kind, Number(k))) : encodeId(kind, Number(item))];
    }
    return [key, encodeAuditState(item, subjectType, false)];
  }));
}

function encodeValue(spec: IdSpec | undefined, value: unknown, parent: any, coordinate: string): unknown {
  if (value === null || value === undefined || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => encodeValue(spec, item, parent, coordinate));
  if (spec === 'AuditSubject') return auditSubjectId(String(parent?.subjectType), String(value));
  if (spec === undefined || spec === 'Node') throw new Error(`${coordinate} shows an id but has no kind in id-coordinates.ts`);
  return encodeId(spec, Number(value));
}

/**
 * One id given as input, decoded for its coordinate: the decimal key, `Kind:key` for `node(id:)`, the
 * stored subject for the audit log. An id this API did not issue for the coordinate becomes NO_KEY:
 * it names nothing, like the id of a missing object. A coordinate without a kind refuses its value.
 */
function decodeValue(spec: IdSpec | undefined, value: unknown, path: string, coordinate: string): string {
  if (spec === undefined) throw badInput(path, `${coordinate} has no id kind (id-coordinates.ts); refused`);
  const decoded = decodeId(value);
  if (spec === 'Node') return decoded ? nodeValue(decoded.kind, decoded.key) : NO_KEY;
  if (spec === 'AuditSubject') {
    if (!decoded || !AUDIT_KINDS.has(decoded.kind)) return NO_KEY;
    return decoded.kind === 'DocumentFormLayout' ? FORM_LAYOUT_TYPES.get(decoded.key) ?? NO_KEY : String(decoded.key);
  }
  return decoded?.kind === spec ? String(decoded.key) : NO_KEY;
}

/** Whether values of this input type can hold an ID somewhere (input types may be recursive). */
function holdsIds(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsIds(field.type, seen));
}

function decodeInput(value: unknown, type: GraphQLInputType, coordinate: string, path: string, errors: InputErrors): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return (value as unknown[]).map((item, i) => decodeInput(item, nullable.ofType, coordinate, `${path}[${i}]`, errors));
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = { ...record };
    for (const field of Object.values(nullable.getFields())) {
      if (record[field.name] === undefined || !holdsIds(field.type)) continue;
      copy[field.name] = decodeInput(record[field.name], field.type, `${nullable.name}.${field.name}`, `${path}.${field.name}`, errors);
    }
    return copy;
  }
  if (getNamedType(nullable).name !== 'ID') return value;
  return errors.check(() => decodeValue(ID_COORDINATES[coordinate], value, path, coordinate));
}

type Resolver = GraphQLFieldResolver<unknown, unknown>;
const WRAPPED = Symbol('opaque ids');

function decodingArgs(typeName: string, field: GraphQLField<unknown, unknown>): ((args: Record<string, unknown>) => Record<string, unknown>) | null {
  const walked = field.args.filter((arg) => holdsIds(arg.type));
  if (walked.length === 0) return null;
  return (args) => {
    const errors = new InputErrors();
    const decoded = { ...args };
    for (const arg of walked) {
      if (args[arg.name] === undefined) continue;
      decoded[arg.name] = decodeInput(args[arg.name], arg.type, `${typeName}.${field.name}(${arg.name})`, arg.name, errors);
    }
    errors.throwIfAny();
    return decoded;
  };
}

const thenMap = (value: unknown, map: (value: unknown) => unknown) =>
  (typeof (value as Promise<unknown> | null)?.then === 'function' ? (value as Promise<unknown>).then(map) : map(value));

/**
 * The id boundary of the API (docs/design.md "Ids"): every ID-typed output is encoded on the way
 * out and every ID given as an argument or input field is decoded on the way in, before the shield
 * and the resolvers see it — so rules, services and SQL keep working with integer keys, and nothing
 * inside the API can show one. Applied once, outermost, to the schema the server runs.
 */
export function withOpaqueIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver & { [WRAPPED]?: true };
      if (resolve[WRAPPED]) continue;
      const coordinate = `${type.name}.${field.name}`;
      const decode = decodingArgs(type.name, field);
      const outputsId = getNamedType(field.type).name === 'ID';
      const auditState = AUDIT_STATE_FIELDS.includes(coordinate);
      if (!decode && !outputsId && !auditState) continue;
      const spec = ID_COORDINATES[coordinate];
      const encode = auditState ? (value: unknown, parent: any) => encodeAuditState(value, String(parent?.subjectType), true)
        : outputsId ? (value: unknown, parent: unknown) => encodeValue(spec, value, parent, coordinate) : null;
      const wrapped: Resolver & { [WRAPPED]?: true } = (parent, args, ctx, info) => {
        const result = resolve(parent, decode ? decode(args as Record<string, unknown>) : args, ctx, info);
        return encode ? thenMap(result, (value) => encode(value, parent)) : result;
      };
      wrapped[WRAPPED] = true;
      field.resolve = wrapped;
      const subscribe = field.subscribe;
      if (subscribe && decode) field.subscribe = (parent, args, ctx, info) => subscribe(parent, decode(args as Record<string, unknown>), ctx, info);
    }
  }
  return schema;
}
