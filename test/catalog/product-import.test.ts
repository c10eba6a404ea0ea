import { codes, startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';

const IMPORT = 'mutation($csv: String!) { importProductsCsv(csv: $csv) { ok imported errors { line column reason } } }';

const spec = managementSpec({
  products: [{ key: 'tee', sku: 'TEE' }, { key: 'tee-s', sku: 'TEE-S', parent: 'tee', attributes: { size: 'S' } }],
});

describe('bulk product import from CSV', () => {
  let api: TestApi;
  const run = (as: string, csv: string) => api.gql(as, IMPORT, { csv });
  const count = async () => (await api.gql('admin', '{ products(first: 1, includeArchived: true) { totalCount } }')).data.products.totalCount;
  const product = async (sku: string) =>
    (await api.gql('admin', 'query($s: String) { products(first: 5, search: $s) { nodes { sku name unit purchasePrice salePrice parent { sku } attributes { name value } } } }', { s: sku }))
      .data.products.nodes.find((p: any) => p.sku === sku);

  beforeAll(async () => { api = await startApi(spec); });
  afterAll(() => api.close());

  it('imports parents and variants, quoted fields included; variants may come before their parent or hang under an existing one', async () => {
    const csv = [
      'sku,name,parentSku,attributes,purchasePrice,salePrice,unit',
      'DRESS-PINK,"Dress, pink",DRESS,colour=pink,18.50,49.90,',
      'DRESS,"The ""summer"" dress",,,18.50,49.90,pcs',
      'DRESS-BLUE,Dress blue,DRESS,"colour=blue; size=M",,49.90,',
      'TEE-M,"Tee M",TEE,size=M,,,',
      '"ROPE","Rope,',
      'by the metre",,,0.1234,1,m',
    ].join('\r\n');
    const res = await run('pricing', csv);
    expect(res.errors).toBeUndefined();
    expect(res.data.importProductsCsv).toEqual({ ok: true, imported: 5, errors: [] });
    expect(await product('DRESS')).toMatchObject({ name: 'The "summer" dress', purchasePrice: '18.5', salePrice: '49.9', unit: 'pcs', parent: null });
    expect(await product('DRESS-PINK')).toMatchObject({ name: 'Dress, pink', parent: { sku: 'DRESS' }, attributes: [{ name: 'colour', value: 'pink' }] });
    expect(await product('DRESS-BLUE')).toMatchObject({ attributes: [{ name: 'colour', value: 'blue' }, { name: 'size', value: 'M' }], purchasePrice: null });
    expect(await product('TEE-M')).toMatchObject({ parent: { sku: 'TEE' } });
    expect(await product('ROPE')).toMatchObject({ name: 'Rope,\nby the metre', unit: 'm', purchasePrice: '0.1234' });
  });

  it('reports every bad row with line, column and reason, and imports nothing', async () => {
    const before = await count();
    const csv = [
      'sku,name,parentSku,attributes,salePrice', // line 1
      'GOOD-1,Good one,,,1.00', // 2
      'BAD PRICE,Bad,,,12,5', // 3: six fields
      'NO-NAME,,,,', // 4
      'PRICEY,Pricey,,,-3', // 5
      'GOOD-1,Again,,,', // 6: duplicate in the file
      'tee,Existing,,,', // 7: exists (case-insensitively)
      'ORPHAN,Orphan,NOSUCH,colour=red,', // 8
      'GRAND,Grandchild,TEE-S,colour=red,', // 9: TEE-S is a variant
      'PLAIN-VAR,No attributes,TEE,,', // 10
      'TEE-S2,Same as TEE-S,TEE,SIZE=s,', // 11
      '', // empty lines are skipped
      'ATTR,Attr,,colour,', // 13
    ].join('\n');
    const res = await run('catalog', csv);
    expect(res.errors).toBeUndefined();
    const report = res.data.importProductsCsv;
    expect(report).toMatchObject({ ok: false, imported: 0 });
    expect(report.errors.map((e: any) => [e.line, e.column])).toEqual([
      [3, null], [4, 'name'], [5, 'salePrice'], [6, 'sku'], [7, 'sku'], [8, 'parentSku'], [9, 'parentSku'],
      [10, 'attributes'], [11, 'attributes'], [13, 'attributes'],
    ]);
    expect(report.errors[0].reason).toMatch(/6 fields, the header has 5/);
    expect(report.errors[3].reason).toMatch(/also on line 2/);
    expect(report.errors[4].reason).toMatch(/already exists/);
    expect(await count()).toBe(before);
    expect(await product('GOOD-1')).toBeUndefined();
  });

  it('header problems are reported on line 1', async () => {
    const res = await run('catalog', 'sku,title,colour\nX,Y,Z');
    expect(res.data.importProductsCsv.errors).toEqual([
      { line: 1, column: 'title', reason: expect.stringMatching(/unknown column/) },
      { line: 1, column: 'colour', reason: expect.stringMatching(/unknown column/) },
      { line: 1, column: 'name', reason: 'required column missing' },
    ]);
    expect((await run('catalog', '')).data.importProductsCsv.errors).toEqual([{ line: 1, column: null, reason: expect.stringMatching(/empty/) }]);
  });

  it('a broken quote is reported at its line', async () => {
    const res = await run('catalog', 'sku,name\nA1,ok\nA2,"never closed\n');
    expect(res.data.importProductsCsv).toMatchObject({ ok: false, imported: 0, errors: [{ line: 3, column: null }] });
  });

  it('purchase prices in the file need PURCHASE_PRICE_VIEW: FORBIDDEN naming it, nothing imported', async () => {
    const before = await count();
    const res = await run('catalog', 'sku,name,purchasePrice\nSECRET,Secret,5');
    expect(res.data.importProductsCsv).toBeNull();
    expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'PURCHASE_PRICE_VIEW' });
    expect(await count()).toBe(before);
    expect(codes(await run('clerk', 'sku,name\nX,Y'))).toEqual(['FORBIDDEN']);
  });

  it('a large file goes in chunks, parents before variants, all rows at once', async () => {
    const before = await count();
    const lines = ['sku,name,parentSku,attributes,salePrice'];
    for (let i = 0; i < 700; i++) {
      lines.push(`BULK-${i},Bulk ${i},,,${i}.5`);
      lines.push(`BULK-${i}-V,Bulk ${i} red,BULK-${i},colour=red,`);
    }
    const res = await run('catalog', lines.join('\n'));
    expect(res.data.importProductsCsv).toEqual({ ok: true, imported: 1400, errors: [] });
    expect(await count()).toBe(before + 1400);
    expect(await product('BULK-699-V')).toMatchObject({ parent: { sku: 'BULK-699' } });
    expect(await product('BULK-650')).toMatchObject({ salePrice: '650.5' });
  });

  it('a barcodes column gives each row its barcodes; a code twice in the file or held by a product is refused at its line, nothing imported', async () => {
    const barcodes = async (sku: string) => (await api.gql('admin', 'query($s: String) { products(first: 5, search: $s) { nodes { sku barcodes } } }', { s: sku }))
      .data.products.nodes.find((p: any) => p.sku === sku)?.barcodes;
    const ok = await run('catalog', 'sku,name,barcodes\nCAP,Cap,4006381333931; CAP-01\nCAP-2,Cap 2,\nCAP-3,Cap 3,CAP-03');
    expect(ok.data.importProductsCsv).toEqual({ ok: true, imported: 3, errors: [] });
    expect([await barcodes('CAP'), await barcodes('CAP-2'), await barcodes('CAP-3')]).toEqual([['4006381333931', 'CAP-01'], [], ['CAP-03']]);
    expect((await api.gql('admin', '{ productByBarcode(code: "CAP-01") { sku } }')).data.productByBarcode).toEqual({ sku: 'CAP' });

    const before = await count();
    const bad = await run('catalog', 'sku,name,barcodes\nHAT,Hat,HAT-01;CAP-01\nHAT-2,Hat 2,HAT-01\nHAT-3,Hat 3,has space;X;X');
    expect(bad.data.importProductsCsv).toEqual({ ok: false, imported: 0, errors: [
      { line: 2, column: 'barcodes', reason: 'barcode CAP-01 is already used by product CAP' },
      { line: 3, column: 'barcodes', reason: 'barcode HAT-01 is also on line 2' },
      { line: 4, column: 'barcodes', reason: 'has space: must be 1–64 printable ASCII characters without spaces' },
      { line: 4, column: 'barcodes', reason: 'X: "X" is given twice' },
    ] });
    expect(await count()).toBe(before);
  });
});
