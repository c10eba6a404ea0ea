import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../schema/enums';
import { AccessExplanationType } from '../schema/explain-access.type';
import { explainAccessService } from '../services/access/explain-access.service';

@Resolver()
export class ExplainAccessResolver {
  @Query(() => AccessExplanationType, {
    nullable: true,
    description: 'Which of the user\'s role assignments grant the asked access, or why none does. A warehouse adds WAREHOUSE_SELECT on it, a document type adds INVENTORY_VIEW and DOCUMENT (action VIEW unless given; every action implies VIEW). `granted` is what the API enforces: the same predicates the mutations ask.',
  })
  explainAccess(@Ctx() ctx: RequestContext, @Arg('userId', () => ID, { description: 'The user to explain.' }) userId: string,
                @Arg('warehouseId', () => ID, { nullable: true, description: 'Ask about this warehouse (WAREHOUSE_SELECT on it).' }) warehouseId: string | null,
                @Arg('permission', () => Permission, { nullable: true, description: 'Ask about this permission.' }) permission: Permission | null,
                @Arg('reportKind', () => ReportKind, { nullable: true, description: 'Ask about this report section (REPORT_VIEW for it).' }) reportKind: ReportKind | null,
                @Arg('documentType', () => DocumentType, { nullable: true, description: 'Ask about documents of this type.' }) documentType: DocumentType | null,
                @Arg('action', () => DocumentAction, { nullable: true, description: 'With documentType: this action (default VIEW).' }) action: DocumentAction | null,
                @Arg('clientId', () => String, { nullable: true, description: 'Ask about the user\'s requests through this application (its approved grants intersected in).' }) clientId: string | null) {
    return explainAccessService.explain(ctx, { userId, warehouseId, permission, reportKind, documentType, action, clientId });
  }
}
