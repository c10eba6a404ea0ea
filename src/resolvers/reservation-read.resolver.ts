import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Reservation } from '../entities/reservation.entity';
import { ProductType } from '../schema/product.type';
import { ReservationConnection, ReservationFilterArgs, ReservationType } from '../schema/reservation.type';
import { UserType } from '../schema/user.type';
import { WarehouseType } from '../schema/warehouse.type';
import { StockLevelType } from '../schema/stock-level.type';
import { stockQueryService, visibleLevelsOf } from '../services/documents/stock-query.service';

@Resolver(() => ReservationType)
export class ReservationReadResolver {
  @Query(() => ReservationConnection, { nullable: true, description: 'Reservations in the selectable warehouses.' })
  reservations(@Ctx() ctx: RequestContext, @Args() args: ReservationFilterArgs) {
    return stockQueryService.reservations(ctx, args);
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'The product held.' })
  product(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.product.load(reservation.productId);
  }

  @FieldResolver(() => WarehouseType, { nullable: true, description: 'The warehouse it is held in.' })
  warehouse(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.warehouse.load(reservation.warehouseId);
  }

  @FieldResolver(() => StockLevelType, {
    nullable: true,
    description: 'The stock level this reservation holds stock of, as it stands now (its reserved and available figures change with reserveProduct and releaseReservation); null when there is none.',
  })
  async stockLevel(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return (await visibleLevelsOf(ctx, reservation.productId)).find((level) => level.warehouseId === reservation.warehouseId) ?? null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who made it.' })
  createdBy(@Root() reservation: Reservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(reservation.createdById);
  }
}
