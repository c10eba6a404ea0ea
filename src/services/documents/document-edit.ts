import { DocumentItem } from '../../entities/document-item.entity';
import { InputErrors } from '../../errors';
import { UpdateDocumentInput } from '../../schema/document-input.type';
import { changedLine, Line, lineFromInput, lineOfItem } from './document-validation';
import { parseId } from '../platform/ids';

export interface LineEdit {
  removed: number[];
  changed: Line[];
  added: Line[];
  /** Every line the document has after the edit. */
  after: Line[];
}

/**
 * Resolves an edit of a draft's lines against its stored lines: each removed or changed id must be
 * a line of this document (a field error on that list entry otherwise, kept in `errors`), and a line is changed at most once.
 */
export function planLineEdit(items: DocumentItem[], input: UpdateDocumentInput, errors: InputErrors): LineEdit {
  const byId = new Map(items.map((item) => [item.id, item]));
  const removed = new Set<number>();
  (input.removeItemIds ?? []).forEach((raw, i) => {
    const itemId = parseId(raw);
    if (itemId === null || !byId.has(itemId)) errors.add(`input.removeItemIds[${i}]`, 'no line with this id in this document.');
    else removed.add(itemId);
  });
  const changed = new Map<number, Line>();
  (input.changeItems ?? []).forEach((change, i) => {
    const itemId = parseId(change.id);
    if (itemId === null || !byId.has(itemId) || removed.has(itemId) || changed.has(itemId)) {
      errors.add(`input.changeItems[${i}].id`, 'no line with this id to change in this document.');
    } else changed.set(itemId, changedLine(byId.get(itemId)!, change, `input.changeItems[${i}]`, errors));
  });
  const added = (input.addItems ?? []).map((item, i) => lineFromInput(item, `input.addItems[${i}]`, errors));
  const kept = items.filter((item) => !removed.has(item.id)).map((item, i) => changed.get(item.id) ?? lineOfItem(item, `items[${i}]`));
  return { removed: [...removed], changed: [...changed.values()], added, after: [...kept, ...added] };
}
