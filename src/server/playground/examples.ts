/** The playground's first tabs: what a new user of Stockgate tries first (issue 18). */
export interface ExampleTab {
  query: string;
  variables?: string;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# Who am I, what may I do, which warehouses can I select?
# Pick a demo user under "Sign in as" (development) or paste a token into Headers.
query Viewer {
  viewer {
    user { login name }
    permissions
    warehouses { id code name }
  }
}
`,
  },
  {
    query: `# One page of stock levels: the quantities you may see, in the warehouses you may select.
query StockPage($first: Int = 20, $after: String) {
  stockLevels(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { product { sku name } warehouse { code } quantity reserved available }
  }
}
`,
  },
  {
    query: `# Documents with the actions this viewer may take on each of them now.
query Documents {
  documents(first: 10) {
    totalCount
    nodes {
      number type status title allowedActions
      items { quantity product { sku } fromWarehouse { code } toWarehouse { code } }
    }
  }
}
`,
  },
  {
    query: `# A month's movement figures and sales per warehouse (REPORT_VIEW).
query Report {
  inventoryReport(from: "2026-10-01", to: "2026-10-31") {
    totalStockValue
    movement { total { opening { quantity value } closing { quantity value } } }
    sales { warehouses { warehouse { code } sellThroughPercent shippedSharePercent } }
  }
}
`,
  },
  {
    query: `# A role that may see the catalog (ACCESS_MANAGE; you grant only what you hold).
mutation CreateRole($name: String!) {
  createRole(input: { name: $name, grants: [{ permission: CATALOG_VIEW }] }) {
    id name grants { permission warehouseIds }
  }
}
`,
    variables: JSON.stringify({ name: 'Catalog reader' }, null, 2),
  },
];
