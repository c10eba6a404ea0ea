import { RuleMap } from '../rule';
import { visibleWithParent } from '../rules';

/**
 * PROVISIONAL (issue 5): the object types the document and reservation mutations return are
 * owned by the read side (issue 3), whose rule map covers them in full. Until that branch is
 * merged, the scalar fields are visible with their parent — a mutation returns a document only
 * after canActOnDocument allowed the viewer to act on it. Delete this file (and its line in
 * shield/index.ts) when merging issue 3: mergeRules then fails loudly on the duplicates.
 */
export const provisionalDocumentTypeRules: RuleMap = {
  InventoryDocument: visibleWithParent(
    'id', 'type', 'status', 'number', 'title', 'dealRef', 'createdAt', 'updatedAt', 'processedAt', 'cancelledAt', 'version',
  ),
  Reservation: visibleWithParent('id', 'quantity', 'dealRef', 'expiresAt', 'status', 'createdAt'),
};
