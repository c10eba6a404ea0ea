import Decimal from 'decimal.js';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { afterStockChange } from './after-change';
import { DecimalScalar } from '../schema/decimal.scalar';
import { ReservationType } from '../schema/reservation.type';
import { reservationService } from '../services/documents/reservation.service';

@Resolver()
export class ReservationMutationResolver {
  @Mutation(() => ReservationType, { nullable: true, description: 'Reserves stock for a deal (PRODUCT_RESERVE and WAREHOUSE_SELECT on the warehouse); at most the available quantity.' })
  reserveProduct(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('quantity', () => DecimalScalar) quantity: Decimal,
    @Arg('dealRef', () => String) dealRef: string,
    @Arg('expiresAt', () => Date, { nullable: true, description: 'Default: now + the settings\' reservation period.' }) expiresAt: Date | null,
  ) {
    return afterStockChange(ctx, reservationService.reserve(ctx, { productId, warehouseId, quantity, dealRef, expiresAt }));
  }

  @Mutation(() => ReservationType, { nullable: true, description: 'Releases an ACTIVE reservation.' })
  releaseReservation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return afterStockChange(ctx, reservationService.release(ctx, id));
  }
}
