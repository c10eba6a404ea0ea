import Decimal from 'decimal.js';

export interface Amount {
  quantity: Decimal;
  value: Decimal;
}

/** Movement figures of one group (docs/reports.md): closing = opening + received − shipped − otherOutgoing. */
export interface MovementFigures {
  opening: Amount;
  received: Amount;
  shipped: Amount;
  otherOutgoing: Amount;
  closing: Amount;
}

export const ZERO: Amount = { quantity: new Decimal(0), value: new Decimal(0) };

const plus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.plus(b.quantity), value: a.value.plus(b.value) });
const minus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.minus(b.quantity), value: a.value.minus(b.value) });
export const negated = (a: Amount): Amount => ({ quantity: a.quantity.negated(), value: a.value.negated() });

/** Builds the figures from signed sums; closing follows from the identity, so it holds exactly. */
export function figures(opening: Amount, received: Amount, shipped: Amount, otherOutgoing: Amount): MovementFigures {
  return { opening, received, shipped, otherOutgoing, closing: minus(minus(plus(opening, received), shipped), otherOutgoing) };
}

export function sumFigures(rows: MovementFigures[]): MovementFigures {
  const add = (key: keyof MovementFigures) => rows.reduce((sum, row) => plus(sum, row[key]), ZERO);
  return figures(add('opening'), add('received'), add('shipped'), add('otherOutgoing'));
}

export const isZeroFigures = (f: MovementFigures) =>
  Object.values(f).every((a: Amount) => a.quantity.isZero() && a.value.isZero());

