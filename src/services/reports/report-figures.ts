import Decimal from 'decimal.js';

export interface Amount {
  quantity: Decimal;
  value: Decimal;
}

/**
 * Movement figures of one group (docs/reports.md): closing = opening + received − shipped − otherOutgoing.
 * `received` includes the transfers in and `otherOutgoing` the transfers out, both also shown apart
 * (DESIGN §4); received − transfersIn is the stock from outside that the sales figures count.
 */
export interface MovementFigures {
  opening: Amount;
  received: Amount;
  transfersIn: Amount;
  shipped: Amount;
  otherOutgoing: Amount;
  transfersOut: Amount;
  closing: Amount;
}

export const ZERO: Amount = { quantity: new Decimal(0), value: new Decimal(0) };

const plus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.plus(b.quantity), value: a.value.plus(b.value) });
const minus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.minus(b.quantity), value: a.value.minus(b.value) });
export const negated = (a: Amount): Amount => ({ quantity: a.quantity.negated(), value: a.value.negated() });

/**
 * Builds the figures from the sums per kind (outgoing ones as positive amounts): received = from
 * outside + transfers in, otherOutgoing = write-offs + transfers out; closing follows from the
 * identity, so it holds exactly.
 */
export function figures(opening: Amount, fromOutside: Amount, transfersIn: Amount, shipped: Amount, writtenOff: Amount, transfersOut: Amount): MovementFigures {
  const received = plus(fromOutside, transfersIn);
  const otherOutgoing = plus(writtenOff, transfersOut);
  return { opening, received, transfersIn, shipped, otherOutgoing, transfersOut, closing: minus(minus(plus(opening, received), shipped), otherOutgoing) };
}

/** Stock from outside (receipts, adjustments): what the sales figures call received (DESIGN §4). */
export const fromOutside = (f: MovementFigures): Amount => minus(f.received, f.transfersIn);

export function sumFigures(rows: MovementFigures[]): MovementFigures {
  const add = (key: keyof MovementFigures) => rows.reduce((sum, row) => plus(sum, row[key]), ZERO);
  return figures(add('opening'), minus(add('received'), add('transfersIn')), add('transfersIn'), add('shipped'),
    minus(add('otherOutgoing'), add('transfersOut')), add('transfersOut'));
}

export const isZeroFigures = (f: MovementFigures) =>
  Object.values(f).every((a: Amount) => a.quantity.isZero() && a.value.isZero());

