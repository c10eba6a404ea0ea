import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Reservation } from '../entities/reservation.entity';
import { ProductType } from '../schema/product.type';
import { ReservationConnection, ReservationFilterArgs, ReservationType } from '../schema/reservation.type';
import { UserType } from '../schema/user.type';
import { WarehouseType } from '../schema/warehouse.type';
import { stockQueryService } from '../services/documents/stock-query.service';

@Resolver(() => ReservationType)
export class ReservationReadResolver {
  @Query(() => ReservationConnection, { nullable: true, description: 'Reservations in the selectable warehouses.' })
  reservations(@Ctx() ctx: RequestContext, @Args() args: ReservationFilterArgs) {
    return stockQueryService.reservations(ctx, args);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.product.load(reservation.productId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true })
  warehouse(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.warehouse.load(reservation.warehouseId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(reservation.createdById);
  }
}
