import Decimal from 'decimal.js';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { afterStockChange } from './after-change';
import { DecimalScalar } from '../schema/decimal.scalar';
import { ReservationType } from '../schema/reservation.type';
import { reservationService } from '../services/documents/reservation.service';

@Resolver()
export class ReservationMutationResolver {
  @Mutation(() => ReservationType, {
    nullable: true,
    description: 'Holds stock of a product in a warehouse for a deal, at most the quantity available there (INSUFFICIENT_STOCK otherwise).',
  })
  reserveProduct(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID, { description: 'The product to hold.' }) productId: string,
    @Arg('warehouseId', () => ID, { description: 'The warehouse to hold it in.' }) warehouseId: string,
    @Arg('quantity', () => DecimalScalar, { description: 'How much, greater than zero.' }) quantity: Decimal,
    @Arg('dealRef', () => String, { description: 'The deal it is for: its sales orders may take it.' }) dealRef: string,
    @Arg('expiresAt', () => Date, { nullable: true, description: 'Default: now + the settings\' reservation period.' }) expiresAt: Date | null,
  ) {
    return afterStockChange(ctx, reservationService.reserve(ctx, { productId, warehouseId, quantity, dealRef, expiresAt }));
  }

  @Mutation(() => ReservationType, { nullable: true, description: 'Releases an ACTIVE reservation: its stock is available again.' })
  releaseReservation(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The reservation to release.' }) id: string) {
    return afterStockChange(ctx, reservationService.release(ctx, id));
  }
}
