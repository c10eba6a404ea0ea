import Decimal from 'decimal.js';
import { DocumentItem } from '../../src/entities/document-item.entity';
import { InventoryDocument } from '../../src/entities/inventory-document.entity';
import { postMovements } from '../../src/services/documents/ledger.service';
import { movementsOf } from '../../src/services/documents/movements';
import { DocumentType } from '../../src/shield/permission-catalog';
import { statementsDuring } from '../support/statement-counter';
import { TestApi } from '../support/api';

const AMOUNT = 'quantity value';
export const FIGURES = `opening { ${AMOUNT} } received { ${AMOUNT} } transfersIn { ${AMOUNT} } shipped { ${AMOUNT} } otherOutgoing { ${AMOUNT} }
  transfersOut { ${AMOUNT} } closing { ${AMOUNT} }`;

/** Every section of the report, as a dashboard asks for it. */
export const sectionsOf = (withTotalStockValue: boolean) => `
  from to ${withTotalStockValue ? 'totalStockValue' : ''}
  movement { total { ${FIGURES} } warehouses { warehouse { code } ${FIGURES} } products { product { sku } ${FIGURES} } }
  sales { receivedValue shippedValue sellThroughPercent
    warehouses { warehouse { code } receivedValue shippedValue sellThroughPercent shippedSharePercent }
    daily { day receivedValue shippedValue } }
  stockBalance { asOf total { ${AMOUNT} } warehouses { warehouse { code } ${AMOUNT} } products { product { sku } ${AMOUNT} } }`;

export const reportQuery = (withTotalStockValue = true) => `
  query($from: Date!, $to: Date!, $warehouseIds: [ID!], $search: String, $drill: ID) {
    inventoryReport(from: $from, to: $to, warehouseIds: $warehouseIds, productSearch: $search, drillDownWarehouseId: $drill) {
      ${sectionsOf(withTotalStockValue)}
    }
  }`;

/** [quantity, value] of an amount, for compact expectations. */
export const qv = (amount: { quantity: string; value: string }) => [amount.quantity, amount.value];

export const figuresOf = (row: any) => ({
  opening: qv(row.opening), received: qv(row.received), transfersIn: qv(row.transfersIn), shipped: qv(row.shipped),
  otherOutgoing: qv(row.otherOutgoing), transfersOut: qv(row.transfersOut), closing: qv(row.closing),
});

/** closing = opening + received − shipped − otherOutgoing, exactly, for quantity and value. */
export function expectIdentity(row: any) {
  for (const part of ['quantity', 'value'] as const) {
    const closing = new Decimal(row.opening[part]).plus(row.received[part]).minus(row.shipped[part]).minus(row.otherOutgoing[part]);
    expect(row.closing[part]).toBe(closing.toFixed());
  }
}

export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Posts a document's movements at `at` the way processing (or, with reversal, cancelling)
 * does: the document mutations are another issue's; the ledger is what reports read.
 */
export async function postDocument(api: TestApi, documentId: number, at: Date, reversal: boolean) {
  await api.db.transaction(async (tx) => {
    const doc = await tx.findOneByOrFail(InventoryDocument, { id: documentId });
    const items = await tx.findBy(DocumentItem, { documentId });
    await postMovements(tx, movementsOf(doc, items, (i) => i.purchasePrice ?? new Decimal(0), at, reversal), true);
  });
}

/** A receipt straight into the ledger (no document row), for data changes in a given warehouse. */
export async function receive(api: TestApi, warehouseId: number, productId: number, quantity: string, price: string, at: Date) {
  const doc = Object.assign(new InventoryDocument(), { id: 999_999, type: DocumentType.STOCK_RECEIPT });
  const item = Object.assign(new DocumentItem(), {
    id: 999_999, productId, quantity: new Decimal(quantity), purchasePrice: new Decimal(price), toWarehouseId: warehouseId, fromWarehouseId: null,
  });
  await api.db.transaction((tx) => postMovements(tx, movementsOf(doc, [item], () => item.purchasePrice!, at), true));
}

/** Counts the SQL statements the DataSource runs while `fn` runs. */
export const countStatements = (api: TestApi, fn: () => Promise<unknown>): Promise<string[]> => statementsDuring(api.db, fn);
