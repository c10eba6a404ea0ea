import { EntityManager } from 'typeorm';
import { inTransaction } from '../platform/transaction';
import { RequestContext } from '../../context';
import { DocumentFormField } from '../../entities/document-form-field.entity';
import { Settings } from '../../entities/settings.entity';
import { InputErrors } from '../../errors';
import { DocumentFormFieldInput, DocumentFormLayoutType } from '../../schema/form-layout.type';
import { DocumentType } from '../../shield/permission-catalog';
import { recordAudit } from '../access/audit.service';
import { DOCUMENT_FORM_FIELDS } from './document-form-fields';
import { forUpdate } from '../platform/row-lock';

/**
 * The layout of a type: saved rows in their order; fields without a saved row (none saved yet,
 * or added to the registry later) follow in registry order, visible.
 */
async function layoutOf(manager: EntityManager, type: DocumentType): Promise<DocumentFormLayoutType> {
  return layoutFrom(type, await manager.getRepository(DocumentFormField).find({ where: { documentType: type }, order: { position: 'ASC' } }));
}

function layoutFrom(type: DocumentType, saved: DocumentFormField[]): DocumentFormLayoutType {
  const definitions = DOCUMENT_FORM_FIELDS[type];
  const byName = new Map(definitions.map((d) => [d.field, d]));
  const ordered = [
    ...saved.filter((row) => byName.has(row.field)).map((row) => ({ definition: byName.get(row.field)!, visible: row.visible })),
    ...definitions.filter((d) => !saved.some((row) => row.field === d.field)).map((definition) => ({ definition, visible: true })),
  ];
  return {
    type,
    customized: saved.length > 0,
    fields: ordered.map(({ definition, visible }, position) => ({
      field: definition.field, label: definition.label, required: definition.required, visible: visible || definition.required, position,
    })),
  };
}

/** Every field of the type exactly once, distinct positions, required fields visible. */
function validate(type: DocumentType, fields: DocumentFormFieldInput[]): DocumentFormFieldInput[] {
  const definitions = DOCUMENT_FORM_FIELDS[type];
  const seen = new Set<string>();
  const positions = new Set<number>();
  const errors = new InputErrors();
  fields.forEach((f, i) => {
    const definition = definitions.find((d) => d.field === f.field);
    if (!definition) {
      errors.add(`fields[${i}].field`, `"${f.field}" is not a field of ${type}; its fields are ${definitions.map((d) => d.field).join(', ')}`);
    } else if (seen.has(f.field)) errors.add(`fields[${i}].field`, `"${f.field}" is listed twice`);
    else if (definition.required && !f.visible) errors.add(`fields[${i}].visible`, `"${f.field}" is required and always visible`);
    if (!Number.isInteger(f.position) || f.position < 0) errors.add(`fields[${i}].position`, 'must be a whole number ≥ 0');
    else if (positions.has(f.position)) errors.add(`fields[${i}].position`, `position ${f.position} is used twice`);
    seen.add(f.field);
    positions.add(f.position);
  });
  const missing = definitions.filter((d) => !seen.has(d.field)).map((d) => d.field);
  if (missing.length) errors.add('fields', `every field of ${type} must be listed; missing: ${missing.join(', ')}`);
  errors.throwIfAny();
  return [...fields].sort((a, b) => a.position - b.position);
}

/** Document form layouts (FORM_EDIT to change, INVENTORY_VIEW to read; issue 9 §5). */
export const formLayoutService = {
  /** Read through the request's loader: several types (node ids, aliases) cost one statement. */
  async get(ctx: RequestContext, type: DocumentType): Promise<DocumentFormLayoutType> {
    return layoutFrom(type, await ctx.loaders.formFields.load(type));
  },

  async set(ctx: RequestContext, type: DocumentType, fields: DocumentFormFieldInput[] | null): Promise<DocumentFormLayoutType> {
    const ordered = fields === null ? null : validate(type, fields);
    return inTransaction(ctx.db, async (tx) => {
      // Layout changes queue on the settings row, so two editors replacing one type's rows never interleave.
      await forUpdate(tx.getRepository(Settings).createQueryBuilder('s').where('s.id = 1')).getOneOrFail();
      const before = await layoutOf(tx, type);
      await tx.getRepository(DocumentFormField).delete({ documentType: type });
      if (ordered) {
        await tx.getRepository(DocumentFormField).insert(ordered.map((f, position) => ({
          documentType: type, field: f.field, visible: f.visible, position,
        })));
      }
      const after = await layoutOf(tx, type);
      const summary = (l: DocumentFormLayoutType) => (l.customized ? l.fields.map((f) => ({ field: f.field, visible: f.visible })) : null);
      await recordAudit(tx, {
        actorId: ctx.access.userId, action: ordered ? 'FORM_LAYOUT_SET' : 'FORM_LAYOUT_RESET', subjectType: 'DOCUMENT_FORM',
        subjectId: type, before: summary(before), after: summary(after),
      });
      return after;
    });
  },
};
