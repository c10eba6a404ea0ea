import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, OperationDefinitionNode } from 'graphql';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { startApi, TestApi } from '../support/api';

/**
 * Every ```graphql block of the README, run as written (issue 18 §7): in order, as admin, on a
 * fresh demo database, each without errors. Variables a block declares come from what earlier
 * blocks created (the README says where, e.g. "the id of SILK-SCARF"); a block with named
 * operations is the receipt walk-through, run operation by operation in walkthrough.test.ts.
 */
const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Where each variable a README block declares comes from: the objects earlier blocks created, by sku or code. */
const VARIABLES: Record<string, (created: Map<string, string>) => string | undefined> = {
  parent: (c) => c.get('SILK-SCARF'),
  red: (c) => c.get('SILK-SCARF-RED'),
  blue: (c) => c.get('SILK-SCARF-BLUE'),
  id: (c) => c.get('SILK-SCARF-RED'),
  north: (c) => c.get('NORTH'),
  doc: (c) => c.get('document'),
};

describe('README GraphQL snippets run as written', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi(DEMO_DATA); });
  afterAll(() => api.close());

  it('each block is one valid document and runs as admin without errors', async () => {
    expect(blocks.length).toBeGreaterThan(10);
    const created = new Map<string, string>();
    for (const [index, block] of blocks.entries()) {
      const operations = parse(block).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      if (operations.length > 1 && operations.every((o) => o.name)) continue; // the walk-through
      const variables = Object.fromEntries((operations[0].variableDefinitions ?? []).map((v) => {
        const name = v.variable.name.value;
        const value = VARIABLES[name]?.(created);
        if (value === undefined) throw new Error(`README block ${index + 1} declares $${name}: say in VARIABLES where it comes from`);
        return [name, value];
      }));
      const res = await api.gql('admin', block, variables);
      expect([index + 1, block, res.errors]).toEqual([index + 1, block, undefined]);
      remember(res.data, created);
    }
  });

  it('as anna the first query shows what the README says: no retail warehouse, purchasePrice null with one FORBIDDEN', async () => {
    const res = await api.gql('anna', blocks[0]);
    expect(res.data.viewer.warehouses.map((w: { code: string }) => w.code)).not.toContain('retail');
    expect(res.data.products.nodes.map((p: { purchasePrice: unknown }) => p.purchasePrice)).toEqual(res.data.products.nodes.map(() => null));
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.permission])).toEqual([['FORBIDDEN', 'PURCHASE_PRICE_VIEW']]);
  });
});

/** Records the ids of created objects by their sku or code, and the last document's id. */
function remember(data: unknown, created: Map<string, string>): void {
  if (!data || typeof data !== 'object') return;
  for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const object = value as Record<string, unknown>;
    if (typeof object.id === 'string') {
      const key = (object.sku ?? object.code ?? (field === 'createDocument' ? 'document' : undefined)) as string | undefined;
      if (key) created.set(key, object.id);
    }
    remember(object, created);
  }
}
