import { DataSource } from 'typeorm';
import { Loaders } from './loaders';
import { ChangeEvent } from './services/platform/events';
import { Access } from './shield/access';

/** Everything a request carries; the first argument of every service method. */
export interface RequestContext {
  db: DataSource;
  access: Access;
  loaders: Loaders;
  /** Field coordinates already reported as denied in this response (one error per coordinate, DESIGN §3.5). */
  deniedCoordinates: Set<string>;
  requestId: string;
  /** Over graphql-ws only: the committed changes `accept` picks, as a bounded stream (src/server/subscriptions/). */
  changes?: (accept: (event: ChangeEvent) => boolean) => AsyncIterable<ChangeEvent>;
}
