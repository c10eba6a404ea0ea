import { parseId } from '../platform/ids';
import { ChangeEvent } from '../platform/events';

/** An id filter: absent matches all; an unparsable id matches nothing (like the list filters). */
const idMatch = (value: string | null | undefined) => {
  if (value === undefined || value === null) return () => true;
  const id = parseId(value) ?? -1;
  return (candidate: number) => candidate === id;
};

/**
 * Which change events a subscription hears of, by ids alone. Visibility is not decided here:
 * every event that passes is re-read under the subscriber's current access (docs/subscriptions.md).
 */
export const changeFilters = {
  stockLevel(args: { warehouseId?: string | null; productId?: string | null }) {
    const warehouse = idMatch(args.warehouseId);
    const product = idMatch(args.productId);
    return (event: ChangeEvent) => event.kind === 'stockLevel' && warehouse(event.warehouseId) && product(event.productId);
  },

  document(args: { id: string }) {
    const id = idMatch(args.id);
    return (event: ChangeEvent) => event.kind === 'document' && id(event.id);
  },
};
