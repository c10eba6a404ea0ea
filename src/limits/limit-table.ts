import { DEFAULT_LIMITS, LIMIT_ENV, Limits } from '../config';
import { AMOUNTS, BULK, LIMITS, SETTING_LIMITS, TEXT_LENGTHS } from './limits';

/** One row of docs/operations.md's table of limits; a test fails when the docs miss one or its value. */
export interface LimitRow {
  /** The name errors carry in `extensions.limit`. */
  name: string;
  value: number;
  /** The variable that changes it (`settings.<field>` for a settings value); fixed limits have none. */
  env?: string;
}

const CONFIGURABLE: Record<keyof Limits, string> = {
  maxDepth: 'depth', maxAliases: 'aliases', maxCost: 'cost', maxTokens: 'tokens', maxDirectives: 'directives',
  maxPageSize: 'pageSize', maxBodyBytes: 'bodySize', timeBudgetMs: 'timeBudgetMs', maxBatchSize: 'batch',
  maxSubscriptions: 'subscriptions', subscriptionQueue: 'subscriptionQueue', subscriptionIdleMs: 'subscriptionIdleMs',
};

/** Every limit the API enforces or relies on, with its default value (issue 22). */
export const LIMIT_TABLE: LimitRow[] = [
  ...(Object.keys(CONFIGURABLE) as Array<keyof Limits>).map((key) => ({ name: CONFIGURABLE[key], value: DEFAULT_LIMITS[key], env: LIMIT_ENV[key] })),
  ...Object.entries(LIMITS).map(([name, value]) => ({ name, value })),
  ...Object.entries(SETTING_LIMITS).map(([name, value]) => ({ name, value, env: `settings.${name}` })),
  ...Object.entries(TEXT_LENGTHS).map(([name, value]) => ({ name: `stringLength.${name}`, value })),
  ...Object.entries(BULK).map(([name, value]) => ({ name: `bulk.${name}`, value })),
  ...Object.entries(AMOUNTS).map(([name, value]) => ({ name: `amount.${name}`, value })),
];
